"""Gives the Editors, Approvers and Administrators roles the evaluation's permissions (editorial/roles.py)."""

from django.contrib.auth.management import _get_all_permissions, create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.roles import ensure_roles

    # The permission rows normally appear after all migrations; create them now so the roles get them on a fresh
    # database too. (The sign-off migration may have made some already, named from their codenames: rename them.)
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_config = apps.get_app_config("evaluation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for model in app_config.get_models():
        content_type = ContentType.objects.get(app_label="evaluation", model=model._meta.model_name)
        for codename, name in _get_all_permissions(model._meta):
            Permission.objects.filter(content_type=content_type, codename=codename).update(name=name)
    ensure_roles(apps)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.all():
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="evaluation"))


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0001_outcomes_polls_settings_partner_links"),
        ("editorial", "0001_roles_and_sign_off_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
