"""The roles' data migration can run again (idempotent) and be reversed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Task, Workflow

from editorial.roles import (
    ADMINISTRATORS,
    APPROVERS,
    EDITORS,
    WORKFLOW_NAME,
    ensure_roles_and_workflow,
    remove_roles_and_workflow,
)

pytestmark = pytest.mark.django_db


def state():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("group__name", "permission__codename")
        ),
        "page_permissions": sorted(GroupPagePermission.objects.values_list("group__name", "permission__codename")),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
        "tasks": sorted(Task.objects.values_list("name", flat=True)),
    }


def test_running_it_again_changes_nothing():
    ensure_roles_and_workflow()
    first = state()
    ensure_roles_and_workflow()
    assert state() == first
    assert first["groups"] == sorted([ADMINISTRATORS, APPROVERS, EDITORS])
    assert ("Editors", "publish_page") not in first["page_permissions"]
    assert ("Approvers", "publish_page") not in first["page_permissions"]
    assert ("Administrators", "publish_page") in first["page_permissions"]


def test_reversing_removes_the_workflow_and_the_added_groups_and_reapplying_restores_them():
    ensure_roles_and_workflow()
    before = state()
    remove_roles_and_workflow()
    assert WORKFLOW_NAME not in state()["workflows"]
    assert APPROVERS not in state()["groups"] and ADMINISTRATORS not in state()["groups"]
    ensure_roles_and_workflow()
    assert state() == before
