"""Keeps the database-free copy of the call-to-action current whenever the setting is saved."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from . import cta
from .models import CampaignSettings


@receiver(post_save, sender=CampaignSettings)
def remember_call_to_action(sender, instance, **kwargs):
    cta.remember(cta.values_from(instance))
