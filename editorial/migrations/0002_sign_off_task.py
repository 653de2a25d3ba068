"""The sign-off steps become `editorial.SignOffTask` (a proxy of Wagtail's group approval task: no new table)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.roles import ensure_workflow

    ensure_workflow(apps)  # points the existing Family and Legal sign-off tasks at the proxy


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    group_approval = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
    Task.objects.filter(content_type__app_label="editorial", content_type__model="signofftask").update(
        content_type=group_approval
    )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_roles_and_sign_off_workflow"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignOffTask",
            fields=[],
            options={
                "verbose_name": "sign-off step",
                "verbose_name_plural": "sign-off steps",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
