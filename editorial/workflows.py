"""What happens when the last sign-off task is approved."""


def publish_signed_off(workflow_state, user=None):
    """Publish (or schedule) the signed-off revision.

    Wagtail's default finish action publishes as the approving user and so needs them to hold "publish" permission,
    which would also let them publish directly, skipping the family and legal sign-off. Approvers therefore hold no
    publish permission and the completed workflow itself is the authority to publish.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
