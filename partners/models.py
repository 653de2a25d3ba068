"""Organisations that share the campaign. Each has a short code used in its links' query string (`?via=CODE`)."""

from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

# Lower-case letters, digits and hyphens: safe in a URL, and a closed set that insights can trust.
code_validator = RegexValidator(r"^[a-z0-9][a-z0-9-]{1,29}$", "Use 2 to 30 lower-case letters, digits or hyphens.")


@register_snippet
class Partner(models.Model):
    name = models.CharField(max_length=120, help_text="The organisation's name as the public knows it.")
    website = models.URLField(blank=True, help_text="The partner's own website (optional).")
    code = models.CharField(
        max_length=30,
        unique=True,
        validators=[code_validator],
        help_text="A short code for this partner's links, for example 'lambeth-police'. Lower-case, no spaces. "
        "Changing it breaks links the partner already shared.",
    )

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
