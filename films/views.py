"""Captions served from our own origin as text/vtt, wherever the file is stored (local media or S3).

A <track> from another origin needs CORS; serving captions ourselves keeps them working with any storage.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from .models import Film

CAPTIONS_MAX_AGE = 3600


def _visible(film, user):
    # Captions of a film that is on no live story are for editors previewing it only.
    return film.stories.live().exists() or (user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


@require_safe
def captions(request, pk, language):
    film = get_object_or_404(Film, pk=pk)
    if not _visible(film, request.user):
        raise Http404("No such captions")
    if language == "en":
        field = film.captions
    else:
        track = film.caption_tracks.filter(language=language).first()
        field = track.file if track else None
    if not field:
        raise Http404("No such captions")
    try:
        with field.storage.open(field.name, "rb") as handle:
            body = handle.read()
    except OSError:
        raise Http404("No such captions") from None
    response = HttpResponse(body, content_type="text/vtt; charset=utf-8")
    # Browsers a minute (captions of a withdrawn story must go within one), the CDN an hour (purged on unpublish).
    response["Cache-Control"] = f"public, max-age=60, s-maxage={CAPTIONS_MAX_AGE}"
    return response
