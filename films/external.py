"""Films hosted on YouTube or Vimeo: recognise the URL, and build the privacy-friendly embed for it."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{3,12}$")


@dataclass(frozen=True)
class ExternalFilm:
    service: str  # "YouTube" or "Vimeo", as shown to visitors
    video_id: str
    watch_url: str  # the film on the service's own site (the no-JavaScript link)
    embed_url: str  # loaded only after the visitor presses play


def parse_external_url(url):
    """Returns an ExternalFilm for a YouTube or Vimeo video URL, or None if it is neither."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    path = [segment for segment in parts.path.split("/") if segment]
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = path[0] if path else ""
        elif path[:1] in (["embed"], ["shorts"], ["live"]) and len(path) > 1:
            video_id = path[1]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if YOUTUBE_ID.match(video_id):
            return ExternalFilm(
                service="YouTube",
                video_id=video_id,
                watch_url=f"https://www.youtube.com/watch?v={video_id}",
                # cc_load_policy shows captions by default, as our own player does.
                embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}"
                "?autoplay=1&cc_load_policy=1&cc_lang_pref=en&rel=0",
            )
    elif host in VIMEO_HOSTS:
        video_id = next((segment for segment in path if VIMEO_ID.match(segment)), "")
        if video_id:
            return ExternalFilm(
                service="Vimeo",
                video_id=video_id,
                watch_url=f"https://vimeo.com/{video_id}",
                # dnt=1: Vimeo's player sets no tracking cookies and records no session data.
                embed_url=f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1&texttrack=en",
            )
    return None


def validate_external_url(url):
    if url and parse_external_url(url) is None:
        raise ValidationError(
            "Use the address of a single YouTube or Vimeo video, for example "
            "https://www.youtube.com/watch?v=… or https://vimeo.com/123456789.",
            code="external_url",
        )
