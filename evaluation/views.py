"""The public side of the evaluation: a partner's read-only figures behind a signed, revocable link.

No account and no cookie: the signed key in the address is the only credential. The answer is never stored by any
cache (ours, a CDN's or the browser's), so revoking a link stops it at once, and it is kept out of search engines.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from pages.call_to_action import cta_for
from partners.kit import partner_kit as kit_of

from .models import PartnerLink
from .partner_figures import COLUMNS, week_range
from .partner_figures import partner_figures as figures_for
from .stats import FEWER_THAN, SMALL_NUMBER


def _refusal(request, link):
    """The page for a link we did not sign (404) or one that was revoked (410); None for a working link."""
    if link is None:
        return render(request, "evaluation/partner_link_unknown.html", status=404)
    if link.is_revoked:
        return render(request, "evaluation/partner_link_revoked.html", status=410)
    return None


@require_safe
@never_cache
def partner_kit(request, token):
    """The same signed link opens the partner's kit: posters, images and clips carrying its code, and its zip."""
    link = PartnerLink.from_token(token)
    response = _refusal(request, link) or render(
        request,
        "evaluation/partner_kit.html",
        {"partner": link.partner, "kit": kit_of(link.partner, cta_for(request)), "token": token},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
@never_cache
def partner_figures(request, token):
    link = PartnerLink.from_token(token)
    response = _refusal(request, link)
    if response is None:
        stories = figures_for(link.partner)
        first, last = week_range(stories)
        response = render(
            request,
            "evaluation/partner_figures.html",
            {
                "partner": link.partner,
                "stories": stories,
                "columns": [label for _, label in COLUMNS.values()],
                "first_day": first,
                "last_day": last,
                "today": timezone.localdate(),
                "fewer_than": FEWER_THAN,
                "small_number": SMALL_NUMBER,
                "token": token,
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
