"""The public side of the evaluation: a partner's read-only figures behind a signed, revocable link.

No account and no cookie: the signed key in the address is the only credential. The answer is never stored by any
cache (ours, a CDN's or the browser's), so revoking a link stops it at once, and it is kept out of search engines.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import PartnerLink
from .partner_figures import COLUMNS, week_range
from .partner_figures import partner_figures as figures_for
from .stats import FEWER_THAN, SMALL_NUMBER


@require_safe
@never_cache
def partner_figures(request, token):
    link = PartnerLink.from_token(token)
    if link is None:
        response = render(request, "evaluation/partner_link_unknown.html", status=404)
    elif link.is_revoked:
        response = render(request, "evaluation/partner_link_revoked.html", status=410)
    else:
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
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
