"""Creates the Editors, Approvers and Administrators groups and the "Family and legal sign-off" workflow."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.roles import ensure_roles_and_workflow

    ensure_roles_and_workflow(apps)


def backwards(apps, schema_editor):
    from editorial.roles import remove_roles_and_workflow

    remove_roles_and_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("pages", "0001_initial"),
        ("partners", "0001_initial"),
        ("stories", "0001_initial"),
        ("films", "0001_film_with_captions_and_transcript"),
        ("insights", "0001_daily_counters_and_poll_setting"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
