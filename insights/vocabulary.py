"""The closed lists the counters accept: events and channels. Nothing outside them is ever stored."""

import threading
import time

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

_PARTNER_CODES_TTL = 60.0
_partner_codes = {"codes": frozenset(), "expires": 0.0}
_partner_lock = threading.Lock()


def partner_codes():
    """Partner codes, memoised in the process for a minute (the event endpoint must stay cheap)."""
    now = time.monotonic()
    if now < _partner_codes["expires"]:
        return _partner_codes["codes"]
    from partners.models import Partner

    codes = frozenset(Partner.objects.values_list("code", flat=True))
    with _partner_lock:
        _partner_codes.update(codes=codes, expires=now + _PARTNER_CODES_TTL)
    return codes


def normalise_channel(value):
    """A known channel, or 'other'. Free text is never kept."""
    if value in FIXED_CHANNELS:
        return value
    if isinstance(value, str) and value in partner_codes():
        return value
    return UNKNOWN_CHANNEL


def is_known_channel(value):
    return isinstance(value, str) and (value in FIXED_CHANNELS or value in partner_codes())


def channel_labels():
    from partners.models import Partner

    labels = dict(FIXED_CHANNELS)
    labels.update({code: f"Partner: {name}" for code, name in Partner.objects.values_list("code", "name")})
    return labels


def forget_cached_vocabulary():
    """Used by signals and tests when partners or pages change."""
    _partner_codes["expires"] = 0.0
