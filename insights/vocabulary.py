"""The closed lists the counters accept: events and channels. Nothing outside them is ever stored."""

import re

from partners.models import CODE_PATTERN, Partner

from .memo import TimedMemo

SHARE_NETWORKS = ("whatsapp", "x", "facebook", "email", "copy", "native")

# Event key -> label shown to staff. Keys are what the browser sends.
EVENTS = {
    "page_view": "Page viewed",
    "film_started": "Film started",
    "film_25": "Film reached 25%",
    "film_50": "Film reached 50%",
    "film_75": "Film reached 75%",
    "film_100": "Film watched to the end",
    "transcript_opened": "Transcript opened",
    "call_tapped": "Call tapped",
    "form_tapped": "Online form tapped",
    **{f"share_{network}": f"Shared: {network}" for network in SHARE_NETWORKS},
    "embed_viewed": "Embed card viewed",
    "quick_exit": "Quick exit used",
    "poll_yes": "Poll: already knew (yes)",
    "poll_no": "Poll: did not know (no)",
}
EVENT_CHOICES = list(EVENTS.items())
FILM_FUNNEL = ("film_started", "film_25", "film_50", "film_75", "film_100")
# Arrivals: one per page load, so far more frequent than any tap or share (the burst limits allow more of them).
VIEW_EVENTS = ("page_view", "embed_viewed")
SHARE_EVENTS = tuple(f"share_{network}" for network in SHARE_NETWORKS)

# Fixed channels; partner codes (partners.Partner.code) are added at request time.
FIXED_CHANNELS = {
    "radio": "Radio",
    "tv": "On-demand TV",
    "social": "Social media",
    "direct": "Direct",
    "other": "Other",
}
UNKNOWN_CHANNEL = "other"

CHANNEL_PATTERN = re.compile(CODE_PATTERN)


def _partner_codes():
    return frozenset(Partner.objects.values_list("code", flat=True))


# Memoised in the process for a minute: the event endpoint must stay cheap.
partner_codes = TimedMemo(_partner_codes)


def normalise_channel(value):
    """A known channel, or 'other'. Free text is never kept."""
    if value in FIXED_CHANNELS:
        return value
    if isinstance(value, str) and value in partner_codes.get():
        return value
    return UNKNOWN_CHANNEL


def channel_labels():
    labels = dict(FIXED_CHANNELS)
    labels.update({code: f"Partner: {name}" for code, name in Partner.objects.values_list("code", "name")})
    return labels
