"""Aggregate counters: (day, page, event, channel) -> count. Nothing per visitor exists here."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .vocabulary import EVENT_CHOICES

DEFAULT_POLL_QUESTION = "Before today, did you know you can give information to Crimestoppers without giving your name?"


class DailyCount(models.Model):
    """How many times one event happened on one page, on one day, for visitors who came by one channel.

    The day is the finest time there is; there is no visitor, address, browser or time of day.
    """

    day = models.DateField()
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=30, choices=EVENT_CHOICES)
    channel = models.CharField(max_length=30)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "page", "event", "channel"], name="insights_one_counter_per_key")
        ]
        indexes = [models.Index(fields=["day", "event"], name="insights_day_event")]
        permissions = [("view_dashboard", "Can view the campaign insights dashboard")]
        # Names the permission group editors see in Settings → Groups: "Campaign insights".
        verbose_name = "campaign insights"
        verbose_name_plural = "campaign insights"

    def __str__(self):
        return f"{self.day} page {self.page_id} {self.event} via {self.channel}: {self.count}"


class CappedBurst(models.Model):
    """How many events of one kind, for one page, on one day, the endpoint refused as part of a burst.

    Written only when the burst limits refuse something (insights/guards.py), so a day with a row here is a day whose
    figures met a flood: the dashboard marks it. Like the counters, it holds no visitor, address or time of day.
    """

    day = models.DateField()
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=30, choices=EVENT_CHOICES)
    refused = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "page", "event"], name="insights_one_capped_per_key")]
        verbose_name = "capped burst"

    def __str__(self):
        return f"{self.day} page {self.page_id} {self.event}: {self.refused} refused"


@register_setting(icon="list-ul")
class InsightsSettings(BaseSiteSetting):
    """Switches for the anonymous awareness poll on story pages."""

    awareness_poll_enabled = models.BooleanField(
        "show the awareness poll on story pages",
        default=False,
        help_text="A one-question anonymous poll under each story. Answers are counted as totals only.",
    )
    poll_question = models.CharField(
        max_length=200,
        default=DEFAULT_POLL_QUESTION,
        help_text="Asked under each story, answered Yes or No. Change it only between campaign phases: answers to "
        "different questions are added together.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("awareness_poll_enabled"), FieldPanel("poll_question")], heading="Awareness poll")
    ]

    class Meta:
        verbose_name = "insights settings"
