"""Our publishing guide (docs/publishing-a-story.md) inside the admin, with its screenshots, for signed-in staff.

The file in the repository stays the one source: this view renders it with Python-Markdown on each request (it is
small), up to its "Technical notes", which are for developers. Its pictures (docs/images) are served here too, to
staff only.
"""

import re

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse

GUIDE = settings.BASE_DIR / "docs" / "publishing-a-story.md"
IMAGES = settings.BASE_DIR / "docs" / "images"
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")
TECHNICAL_NOTES = "## Technical notes"


def guide_text():
    text = GUIDE.read_text(encoding="utf-8")
    staff_part = text.split(TECHNICAL_NOTES, 1)[0].rstrip().removesuffix("---").rstrip()
    # The admin's page header is the title: the file's own "# Publishing a story" would be a second <h1>.
    lines = staff_part.splitlines()
    return "\n".join(lines[1:] if lines and lines[0].startswith("# ") else lines).strip()


def guide_html():
    html = markdown.markdown(guide_text(), extensions=["tables", "toc"], output_format="html")
    # The guide's pictures are relative to docs/ ("images/01-edit-story.png"): serve them from the admin.
    return re.sub(
        r'src="images/([^"]+)"',
        lambda match: f'src="{reverse("editorial_guide_image", args=[match.group(1)])}"',
        html,
    )


def guide(request):
    context = {"guide": guide_html(), "page_title": "Publishing guide", "header_icon": "doc-full"}
    return TemplateResponse(request, "editorial/guide.html", context)


def guide_image(request, name):
    path = IMAGES / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404("No such picture in the guide.")
    return FileResponse(path.open("rb"), content_type="image/png")
