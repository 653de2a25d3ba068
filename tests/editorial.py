"""Helpers for tests of the admin's sign-off, publishing and revision features."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.images import placeholder_image
from editorial.roles import ensure_roles_and_workflow
from stories.models import StoryIndexPage, StoryPage

PASSWORD = "a-long-test-password"


def staff_user(username, *groups, superuser=False):
    """A user in the named groups (roles and workflow are created first: live-server tests flush them)."""
    ensure_roles_and_workflow()
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def new_draft_story(slug="new-story", **fields):
    """A story that has never been published, complete enough to publish."""
    index = StoryIndexPage.objects.get()
    defaults = {
        "title": "A new story",
        "slug": slug,
        "son_name": "A son",
        "hard_call": "She had to call her sister.",
        "summary": "One line for the card.",
        "portrait": placeholder_image("Test portrait", f"{slug}.jpg", (60, 80), (90, 90, 90), ["Placeholder"]),
        "portrait_alt": "Placeholder image, not a photograph of anyone.",
        "narrative": [{"type": "paragraph", "value": "<p>The story itself, in a paragraph.</p>"}],
        "live": False,
    }
    story = index.add_child(instance=StoryPage(**{**defaults, **fields}))
    story.save_revision()
    return story


def story_form_data(story, **overrides):
    """The edit form as the admin would post it for this story, with overrides (e.g. an action button)."""
    fields = {
        "title": story.title,
        "slug": story.slug,
        "mother_name": story.mother_name,
        "son_name": story.son_name,
        "son_age": story.son_age or "",
        "borough": story.borough,
        "hard_call": story.hard_call,
        "summary": story.summary,
        "portrait": story.portrait_id or "",
        "portrait_alt": story.portrait_alt,
        "placeholder_note": story.placeholder_note,
        "content_note": story.content_note,
        "film": story.film_id or "",
        "share_image": story.share_image_id or "",
        "narrative": narrative_form_data(story),
        "short_address": story.short_address,
        "go_live_at": "",
        "expire_at": "",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def narrative_form_data(story):
    """The story's narrative as the editor's form posts it."""
    blocks = []
    for block in story.narrative:
        value = block.value
        if block.block_type == "paragraph":
            blocks.append(("paragraph", rich_text(value.source)))
        elif block.block_type == "image":
            image = value.get("image")
            blocks.append(
                (
                    "image",
                    {"image": image.pk if image else "", "alt_text": value["alt_text"], "caption": value["caption"]},
                )
            )
        elif block.block_type == "public_post":
            post = dict(value)
            post["date"] = post["date"].isoformat() if post.get("date") else ""
            blocks.append(("public_post", post))
        elif block.block_type == "placeholder_note":
            blocks.append(("placeholder_note", value))
        else:
            blocks.append((block.block_type, dict(value)))
    return streamfield(blocks)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
