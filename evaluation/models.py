"""Outcome figures (Crimestoppers' weekly counts), poll results (the survey agency's waves), the boroughs the
evaluation compares, and the read-only links partners get.

Everything here is an aggregate: counts per week and area, shares per poll wave. Nothing is about a person.
"""

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .areas import AREA_CHOICES, BOROUGH_CHOICES, BOROUGHS, MEASURE_CHOICES, POLL_AREA_CHOICES, QUESTION_CHOICES
from .validators import answers_problem, validate_monday


class OutcomeFigure(models.Model):
    """Crimestoppers' knife-crime calls or online reports in one area (London or a borough) in one week."""

    week_start = models.DateField(validators=[validate_monday], help_text="The Monday the week starts on.")
    area = models.CharField(max_length=40, choices=AREA_CHOICES, help_text="London as a whole, or one borough.")
    measure = models.CharField(max_length=20, choices=MEASURE_CHOICES)
    count = models.PositiveIntegerField(help_text="How many in that week and area.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week_start", "area", "measure"], name="evaluation_one_figure_per_week")
        ]
        ordering = ["-week_start", "area", "measure"]
        permissions = [("view_evaluation", "Can view the campaign evaluation, its report and downloads")]
        verbose_name = "outcome figure"

    def __str__(self):
        return f"{self.get_measure_display()} in {self.area}, week of {self.week_start:%-d %b %Y}: {self.count}"


class PollResult(models.Model):
    """One question's answers in one area in one poll wave: how many were asked, how many said yes."""

    wave = models.CharField(max_length=40, help_text="The survey agency's short label, for example 'Wave 1'.")
    fieldwork_start = models.DateField()
    fieldwork_end = models.DateField()
    area = models.CharField(max_length=20, choices=POLL_AREA_CHOICES)
    question = models.CharField(max_length=30, choices=QUESTION_CHOICES)
    sample_size = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    yes = models.PositiveIntegerField("answered yes")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["wave", "area", "question"], name="evaluation_one_result_per_question")
        ]
        ordering = ["fieldwork_start", "wave", "area", "question"]
        verbose_name = "poll result"

    def __str__(self):
        return f"{self.wave}, {self.get_area_display()}: {self.get_question_display()} {self.yes} of {self.sample_size}"

    def clean(self):
        super().clean()
        errors = {}
        if self.fieldwork_start and self.fieldwork_end and self.fieldwork_start > self.fieldwork_end:
            errors["fieldwork_end"] = "Fieldwork cannot end before it starts."
        problem = answers_problem(self.sample_size, self.yes)
        if problem:
            errors["yes" if self.sample_size else "sample_size"] = problem
        # A wave is one stretch of fieldwork: every result in it has the same dates.
        other = PollResult.objects.filter(wave=self.wave).exclude(pk=self.pk).first() if self.wave else None
        if other and (other.fieldwork_start, other.fieldwork_end) != (self.fieldwork_start, self.fieldwork_end):
            errors["fieldwork_start"] = (
                f"{self.wave}'s other results have fieldwork from {other.fieldwork_start.isoformat()} to "
                f"{other.fieldwork_end.isoformat()}: use the same dates, or import the wave again to change them all."
            )
        if errors:
            raise ValidationError(errors)


def validate_boroughs(value):
    if not isinstance(value, list) or any(name not in BOROUGHS for name in value):
        raise ValidationError("Choose from the 33 London boroughs (including the City of London).")


class BoroughsField(models.JSONField):
    """A list of borough names, edited as one checkbox per borough."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [validate_boroughs])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        options = {
            "choices": BOROUGH_CHOICES,
            "widget": forms.CheckboxSelectMultiple,
            "required": False,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        return forms.MultipleChoiceField(**{**options, **kwargs})


@register_setting(icon="site")
class EvaluationSettings(BaseGenericSetting):
    """Which boroughs the campaign targets, and which similar boroughs it is compared with."""

    target_boroughs = BoroughsField(
        help_text="The high-crime boroughs where the campaign ran (posters, radio, partners).",
    )
    comparison_boroughs = BoroughsField(
        help_text="Similar boroughs without the local campaign. Their change shows what would have happened anyway.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("target_boroughs"), FieldPanel("comparison_boroughs")],
            heading="Boroughs compared",
        )
    ]

    class Meta:
        verbose_name = "evaluation settings"

    def clean(self):
        super().clean()
        both = sorted(set(self.target_boroughs or []) & set(self.comparison_boroughs or []))
        if both:
            raise ValidationError(
                {"comparison_boroughs": f"A borough cannot be both target and comparison: {', '.join(both)}."}
            )


class PartnerLink(models.Model):
    """A read-only link to one partner's own figures. Whoever holds it can open it, with no account and no cookie.

    The address carries a random key signed with the site's SECRET_KEY; the key alone is stored. Revoking the link
    (or changing SECRET_KEY) makes it stop working at once.
    """

    partner = models.ForeignKey("partners.Partner", on_delete=models.CASCADE, related_name="figure_links")
    key = models.CharField(max_length=40, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    SALT = "evaluation.partner-link"

    class Meta:
        ordering = ["partner__name", "-created_at"]
        verbose_name = "partner figures link"

    def __str__(self):
        state = "revoked" if self.revoked_at else "active"
        return f"Figures link for {self.partner} ({state}, created {self.created_at:%-d %b %Y})"

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = secrets.token_urlsafe(24)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("evaluation:partner-figures", args=[self.token])

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def token(self):
        return signing.Signer(salt=self.SALT).sign(self.key)

    def revoke(self, user=None):
        if not self.revoked_at:
            self.revoked_at = timezone.now()
            self.revoked_by = user
            self.save(update_fields=["revoked_at", "revoked_by"])

    @classmethod
    def from_token(cls, token):
        """The link this token names, revoked or not; None if the token is not one we signed."""
        if not isinstance(token, str) or len(token) > 200:
            return None
        try:
            key = signing.Signer(salt=cls.SALT).unsign(token)
        except signing.BadSignature:
            return None
        return cls.objects.select_related("partner").filter(key=key).first()
