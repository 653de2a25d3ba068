"""Stories that still carry the old default content note get the new one, in the page and in its latest revision
(what the editor opens next). The old note claimed things not true of every story (a young man, killed with a
knife); a note an editor wrote is left as it is."""

from django.db import migrations

OLD = (
    "This story is about a young man who was killed with a knife, and about his family's grief. "
    "You may find it upsetting."
)
NEW = "This story is about a mother who lost her son to violence and knife crime. You may find it upsetting."


def replace_note(apps, schema_editor, old=OLD, new=NEW):
    StoryPage = apps.get_model("stories", "StoryPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    StoryPage.objects.filter(content_note=old).update(content_note=new)
    revision_ids = StoryPage.objects.exclude(latest_revision=None).values_list("latest_revision_id", flat=True)
    for revision in Revision.objects.filter(pk__in=list(revision_ids)):
        if revision.content.get("content_note") == old:
            revision.content["content_note"] = new
            revision.save(update_fields=["content"])


def restore_note(apps, schema_editor):
    replace_note(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_content_note_true_of_every_story"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(replace_note, restore_note)]
