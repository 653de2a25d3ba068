"""The three staff roles and the "Family and legal sign-off" workflow, created idempotently.

Used by the data migration and by tests (live-server tests flush the database, data-migration rows included).
Works with historical models (`apps` from a migration) and with the real app registry alike, so it creates
permission and content-type rows itself instead of relying on the post_migrate signal.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
APPROVERS = "Approvers"
ADMINISTRATORS = "Administrators"
WORKFLOW_NAME = "Family and legal sign-off"
FAMILY_TASK = "Family sign-off"
LEGAL_TASK = "Legal sign-off"

# (app_label, model, codename) per role. Page permissions are granted on the tree's root, images and documents
# on the root collection; everything else is a plain model permission on the group.
PAGE_PERMISSIONS = {
    # Editors write drafts and submit them; they cannot publish.
    EDITORS: ["add_page", "change_page"],
    # Approvers review and may correct a story in review; publishing happens only through the workflow.
    APPROVERS: ["change_page"],
    ADMINISTRATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [("wagtailimages", "image", c) for c in ("add_image", "change_image", "choose_image")]
    + [("wagtaildocs", "document", c) for c in ("add_document", "change_document", "choose_document")],
    APPROVERS: [("wagtailimages", "image", "choose_image"), ("wagtaildocs", "document", "choose_document")],
    ADMINISTRATORS: [
        ("wagtailimages", "image", c) for c in ("add_image", "change_image", "delete_image", "choose_image")
    ]
    + [
        ("wagtaildocs", "document", c)
        for c in ("add_document", "change_document", "delete_document", "choose_document")
    ],
}
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")
FILM_EDITING = [("films", "film", f"{verb}_film") for verb in ("add", "change", "view")]
INSIGHTS = ("insights", "dailycount", "view_dashboard")
MODEL_PERMISSIONS = {
    EDITORS: [ADMIN_ACCESS, *FILM_EDITING, INSIGHTS],
    APPROVERS: [ADMIN_ACCESS, ("films", "film", "view_film"), INSIGHTS],
    ADMINISTRATORS: [
        ADMIN_ACCESS,
        *FILM_EDITING,
        ("films", "film", "delete_film"),
        INSIGHTS,
        ("insights", "insightssettings", "change_insightssettings"),
        ("pages", "campaignsettings", "change_campaignsettings"),
        *[("partners", "partner", f"{verb}_partner") for verb in ("add", "change", "delete", "view")],
        *[("wagtailredirects", "redirect", f"{verb}_redirect") for verb in ("add", "change", "delete")],
        *[("wagtailcore", "workflow", f"{verb}_workflow") for verb in ("add", "change", "delete")],
        *[("wagtailcore", "task", f"{verb}_task") for verb in ("add", "change", "delete")],
        *[("auth", "user", f"{verb}_user") for verb in ("add", "change", "delete")],
    ],
}
ROLES = (EDITORS, APPROVERS, ADMINISTRATORS)


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth", "Permission")
    name = "Can access Wagtail admin" if codename == "access_admin" else f"Can {codename.replace('_', ' ')}"
    return Permission.objects.get_or_create(
        content_type=_content_type(apps, app_label, model), codename=codename, defaults={"name": name}
    )[0]


def ensure_roles(apps=global_apps):
    """Give the three groups exactly the permissions listed above, nothing more.

    Wagtail's own first migrations create an "Editors" group with delete rights and a "Moderators" group with a
    "Moderators approval" workflow on the whole tree; those defaults would let people publish around the sign-off,
    so Editors is reset and the unused Moderators defaults are removed.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for role in ROLES:
        group = groups[role] = Group.objects.get_or_create(name=role)[0]
        group.permissions.set([_permission(apps, *spec) for spec in MODEL_PERMISSIONS[role]])
        page_permissions = [_permission(apps, "wagtailcore", "page", c) for c in PAGE_PERMISSIONS[role]]
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__in=page_permissions
        ).delete()
        if root_page:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        collection_permissions = [_permission(apps, *spec) for spec in COLLECTION_PERMISSIONS[role]]
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=collection_permissions
        ).delete()
        if root_collection:
            for permission in collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    _remove_wagtail_moderator_defaults(apps)
    return groups


def _remove_wagtail_moderator_defaults(apps):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name="Moderators approval").delete()
    Task.objects.filter(name="Moderators approval").delete()
    Group.objects.filter(name="Moderators", user__isnull=True).delete()


def ensure_workflow(apps=global_apps):
    """Create the two-task sign-off workflow (both tasks approved by Approvers) and put it on the stories section."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    approvers = Group.objects.get_or_create(name=APPROVERS)[0]
    # Our proxy of Wagtail's group approval task (editorial/models.py): our words, a reason to send back.
    task_type = _content_type(apps, "editorial", "signofftask")
    workflow = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})[0]
    for order, name in enumerate((FAMILY_TASK, LEGAL_TASK)):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, active=True, content_type=task_type)
            task.groups.add(approvers)
        elif task.content_type_id != task_type.pk:
            Task.objects.filter(pk=task.pk).update(content_type=task_type)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    assign_workflow_to_story_indexes(apps)
    return workflow


def assign_workflow_to_story_indexes(apps=global_apps):
    """Every story index (there is one) gets the sign-off workflow, unless it already has a workflow."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    StoryIndexPage = apps.get_model("stories", "StoryIndexPage")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    for index in StoryIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


def ensure_roles_and_workflow(apps=global_apps):
    groups = ensure_roles(apps)
    workflow = ensure_workflow(apps)
    return groups, workflow


def remove_roles_and_workflow(apps=global_apps):
    """Reverse of the data migration: removes the workflow, its tasks and the groups it added.

    The "Editors" group predates it (Wagtail creates one), so it stays, emptied of the permissions set here.
    """
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name__in=[FAMILY_TASK, LEGAL_TASK]).delete()
    Group.objects.filter(name__in=[APPROVERS, ADMINISTRATORS]).delete()
    for editors in Group.objects.filter(name=EDITORS):
        editors.permissions.clear()


# --- Campaign evaluation (issue 15) --------------------------------------------------------------------------------
# Everyone who sees the insights sees the evaluation. Editors and Administrators import figures, correct them and
# choose the boroughs; Administrators, who manage partners, also give partners their read-only figures links.
EVALUATION_VIEW = ("evaluation", "outcomefigure", "view_evaluation")
EVALUATION_DATA = [
    *[("evaluation", "outcomefigure", f"{verb}_outcomefigure") for verb in ("add", "change", "delete", "view")],
    *[("evaluation", "pollresult", f"{verb}_pollresult") for verb in ("add", "change", "delete", "view")],
    ("evaluation", "evaluationsettings", "change_evaluationsettings"),
]
EVALUATION_PARTNER_LINKS = [("evaluation", "partnerlink", f"{verb}_partnerlink") for verb in ("add", "change", "view")]
MODEL_PERMISSIONS[EDITORS] += [EVALUATION_VIEW, *EVALUATION_DATA]
MODEL_PERMISSIONS[APPROVERS] += [EVALUATION_VIEW]
MODEL_PERMISSIONS[ADMINISTRATORS] += [EVALUATION_VIEW, *EVALUATION_DATA, *EVALUATION_PARTNER_LINKS]
