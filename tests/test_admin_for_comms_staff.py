"""The admin as a first-time comms officer meets it: the campaign's name, our guide, stories that open in the editor,
no third-party request, one time zone, films that say whether they are ready, and honest answers when a story is
not ready to go live."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.images import placeholder_image
from editorial.roles import EDITORS
from stories.models import StoryIndexPage, StoryPage
from stories.publish_guards import PublishBlocked, publish_problems
from tests.editorial import PASSWORD, edit_url, new_draft_story, staff_user, story_form_data
from tests.film_helpers import make_film
from tests.helpers import third_party_assets

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, demo_site):
    editor = staff_user("eddie", EDITORS)
    assert client.login(username=editor.username, password=PASSWORD)
    return client


def text(response):
    return html.unescape(response.content.decode())


def test_the_sign_in_page_names_the_campaign(client):
    page = text(client.get(reverse("wagtailadmin_login")))
    assert "<h1>Sign in to Hard calls save lives</h1>" in page
    assert "<title>Sign in - Hard calls save lives</title>" in page
    assert "Sign in to Wagtail" not in page


def test_help_links_to_our_publishing_guide_rendered_in_the_admin(editor_client):
    home = text(editor_client.get(reverse("wagtailadmin_home")))
    assert "Publishing guide (our team&#x27;s)" in home or "Publishing guide (our team's)" in home
    assert reverse("editorial_guide") in home
    assert "What&#x27;s new in Wagtail" not in home and "What's new in Wagtail" not in home

    guide = text(editor_client.get(reverse("editorial_guide")))
    assert '<h2 id="who-does-what">Who does what</h2>' in guide
    assert "<table>" in guide and "Approvers" in guide
    assert "3. Submit it for sign-off" in guide
    assert "Technical notes" not in guide, "developers' notes stay in the repository"
    image = reverse("editorial_guide_image", args=["01-edit-story.png"])
    assert f'src="{image}"' in guide
    response = editor_client.get(image)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_guide_and_its_pictures_are_for_signed_in_staff_only(client, demo_site):
    image = reverse("editorial_guide_image", args=["01-edit-story.png"])
    for url in (reverse("editorial_guide"), image):
        response = Client().get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    staff_user("eddie", EDITORS)
    client.login(username="eddie", password=PASSWORD)
    for name in ("../../README.md", "..%2F..%2Fmanage.py", "missing.png", "01-edit-story.PNG"):
        response = client.get(f"{reverse('editorial_guide')}images/{name}", follow=True)
        assert response.status_code == 404, name


def test_a_story_opens_in_the_editor_from_the_explorer(editor_client):
    story = StoryPage.objects.get(slug="lillian")
    response = editor_client.get(reverse("wagtailadmin_explore", args=[story.pk]))
    assert response.status_code == 302 and response["Location"] == edit_url(story)
    # Pages that hold others still list them.
    index = StoryIndexPage.objects.get()
    listing = editor_client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert listing.status_code == 200 and "Lillian and Quamari" in text(listing)


def test_nobody_signed_out_is_sent_anywhere_by_the_explorer(demo_site):
    story = StoryPage.objects.get(slug="lillian")
    response = Client().get(reverse("wagtailadmin_explore", args=[story.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_avatars_come_from_our_own_site_and_the_time_zone_is_london(editor_client):
    account = editor_client.get(reverse("wagtailadmin_account"))
    page = account.content.decode()
    assert "gravatar" not in page.lower()
    assert third_party_assets(page) == []
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in home.lower() and third_party_assets(home) == []
    # One zone for everyone: no list to choose from (Wagtail's had 600, some invalid, and threw a JavaScript error).
    assert 'name="locale-current_time_zone"' not in page
    assert "Factory" not in page and 'value="localtime"' not in page


def test_the_film_chooser_says_whether_each_film_is_ready(editor_client):
    make_film(title="Finished film")
    make_film(title="Film without a transcript", transcript="")
    chooser = text(editor_client.get(reverse("wagtailsnippetchoosers_films_film:choose")))
    for heading in ("Ready to publish?", "Captions", "Transcript", "Audio description"):
        assert heading in chooser
    assert "Not ready: needs transcript" in chooser
    assert "Ready to publish" in chooser and "None (optional)" in chooser
    results = text(editor_client.get(reverse("wagtailsnippetchoosers_films_film:choose_results"), {"q": "transcript"}))
    assert "Film without a transcript" in results and "Not ready: needs transcript" in results


def new_story_data(**overrides):
    portrait = placeholder_image("A portrait", "portrait.jpg", (60, 80), (90, 90, 90), ["Placeholder"])
    fields = {
        "title": "A brand new story",
        "slug": "a-brand-new-story",
        "mother_name": "",
        "son_name": "Sam",
        "son_age": "",
        "borough": "",
        "hard_call": "She had to call her sister.",
        "summary": "One line.",
        "portrait": portrait.pk,
        "portrait_alt": "Placeholder image, not a photograph of anyone.",
        "placeholder_note": "",
        "content_note": "",
        "film": "",
        "share_image": "",
        "short_address": "",
        "narrative": streamfield([("paragraph", rich_text("<p>The story itself.</p>"))]),
        "action-submit": "Submit",
    }
    fields.update(overrides)
    return nested_form_data(fields)


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ({"summary": ""}, "One-line summary: Write the one-line summary"),
        ({"portrait_alt": ""}, "Portrait alt text: Describe the portrait"),
        ({"portrait": ""}, "Portrait: Choose a portrait (or a share image)"),
        ({"hard_call": ""}, "The hard call: This field is required."),
        ({"narrative": streamfield([])}, "The story: Write the story: add at least one paragraph of text."),
    ],
)
def test_a_new_story_sent_for_sign_off_incomplete_is_saved_as_a_draft_and_told_what_is_missing(
    editor_client, missing, named
):
    index = StoryIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))
    response = editor_client.post(url, new_story_data(**missing), follow=True)
    story = StoryPage.objects.get(slug="a-brand-new-story")
    assert response.redirect_chain[-1][0] == edit_url(story)
    page = text(response)
    assert "“A brand new story” is saved as a draft, but it was not sent for sign-off" in page
    assert named in page
    assert "could not be created" not in page
    assert not story.live and story.current_workflow_state is None
    assert StoryPage.objects.filter(title="A brand new story").count() == 1


def test_a_new_story_that_cannot_even_be_a_draft_is_not_created(editor_client):
    index = StoryIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))
    response = editor_client.post(url, new_story_data(title="", summary=""))
    assert response.status_code == 200
    assert "The page could not be created due to validation errors." in text(response)
    assert not StoryPage.objects.filter(slug="a-brand-new-story").exists()


def test_a_complete_new_story_is_sent_for_sign_off(editor_client):
    index = StoryIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))
    response = editor_client.post(url, new_story_data(), follow=True)
    assert "has been created and sent for sign-off" in text(response)
    assert StoryPage.objects.get(slug="a-brand-new-story").current_workflow_state is not None


def test_an_edit_refused_for_sign_off_keeps_the_changes_as_a_draft_and_marks_the_fields(editor_client):
    story = new_draft_story(title="Edited story")
    response = editor_client.post(
        edit_url(story), story_form_data(story, summary="", hard_call="A new hard call.", **{"action-submit": "1"})
    )
    assert response.status_code == 200
    page = text(response)
    assert "Your changes to “Edited story” are saved as a draft, but it was not sent for sign-off" in page
    assert "could not be saved" not in page
    assert "summary" in response.context["form"].errors
    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert draft.hard_call == "A new hard call." and draft.summary == ""


def test_an_empty_narrative_or_an_image_without_alt_text_stops_publishing(demo_site):
    story = new_draft_story(narrative=[])
    assert [problem.field for problem in publish_problems(story)] == ["narrative"]
    image = story.portrait
    story.narrative = [
        {"type": "paragraph", "value": "<p>Words.</p>"},
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}},
    ]
    assert [str(problem) for problem in publish_problems(story)] == [
        "The story: Every image needs alt text describing it for people who cannot see it."
    ]
    revision = story.save_revision(clean=False)
    with pytest.raises(PublishBlocked):
        revision.publish()
    # A story that is only a marked placeholder (the demo's fifth story) has text.
    story.narrative = [{"type": "placeholder_note", "value": "Still to be written."}]
    assert publish_problems(story) == []


def test_a_story_gets_its_short_address_from_its_slug_on_first_publish(demo_site):
    story = new_draft_story(slug="samuel-story")
    assert not Redirect.objects.filter(redirect_page=story).exists()
    story.get_latest_revision().publish()
    story.refresh_from_db()
    assert story.short_address == "samuel-story"
    assert story.get_latest_revision_as_object().short_address == "samuel-story", "shown in the Promote tab"
    response = Client().get("/samuel-story")
    assert response.status_code == 301 and response["Location"].endswith("/stories/samuel-story/")


def test_the_sons_name_is_used_when_the_slug_is_taken_and_an_editor_may_choose(demo_site):
    lillian = StoryPage.objects.get(slug="lillian")
    story = new_draft_story(slug="stories-new", son_name="Samuel")
    Redirect.objects.create(old_path="/stories-new", redirect_page=lillian, is_permanent=True)
    story.get_latest_revision().publish()
    story.refresh_from_db()
    assert story.short_address == "samuel"
    assert Client().get("/samuel")["Location"].endswith("/stories/stories-new/")

    # Changed in the Promote tab: the new address works on the next publish, and the old one keeps working.
    story.short_address = "sam"
    story.save_revision().publish()
    assert Client().get("/sam")["Location"].endswith("/stories/stories-new/")
    assert Client().get("/samuel")["Location"].endswith("/stories/stories-new/")


def test_a_story_without_a_possible_short_address_is_refused_with_a_reason(demo_site):
    lillian = StoryPage.objects.get(slug="lillian")
    story = new_draft_story(slug="taken", son_name="Taken")
    Redirect.objects.create(old_path="/taken", redirect_page=lillian, is_permanent=True)
    assert [str(problem) for problem in publish_problems(story)] == [
        "Short address: Give the story a short address in the Promote tab: /taken cannot be used."
    ]
    story.short_address = "lillian"
    assert "already leads to “Lillian and Quamari”" in str(publish_problems(story)[0])
    story.short_address = "stories"
    assert "/stories is the address of the page “Stories”" in str(publish_problems(story)[0])


def test_the_short_address_is_in_the_promote_tab(editor_client):
    story = StoryPage.objects.get(slug="lillian")
    page = text(editor_client.get(edit_url(story)))
    assert 'name="short_address"' in page and 'value="lillian"' in page
    assert "Sharing the story" in page


def test_every_block_field_in_a_story_has_a_plain_label():
    from stories.blocks import StoryStreamBlock

    labels = []
    for block in StoryStreamBlock().child_blocks.values():
        for child in getattr(block, "child_blocks", {}).values():
            labels.append(str(child.label))
    assert labels and not [label for label in labels if label in {"Url", "Handle", "Quote", "Text"}]
    assert "Link to the post" in labels and "Alt text (describe the image)" in labels


def test_every_admin_page_prints_without_the_sidebar(editor_client):
    for url in (reverse("insights_dashboard"), reverse("wagtailadmin_home")):
        page = editor_client.get(url).content.decode()
        assert 'href="/static/css/admin-print.css" media="print"' in page
