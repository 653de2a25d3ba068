"""A story index created after the data migration (e.g. by the demo loader) still gets the sign-off workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from stories.models import StoryIndexPage

from .roles import assign_workflow_to_story_indexes


@receiver(post_save, sender=StoryIndexPage)
def put_new_story_index_under_sign_off(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_workflow_to_story_indexes()
