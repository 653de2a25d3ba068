"""Puts the call-to-action from the site setting into every template as `cta`."""

import logging

from django.db import DatabaseError

from . import cta
from .models import CampaignSettings

logger = logging.getLogger(__name__)


def call_to_action(request):
    try:
        values = cta.values_from(CampaignSettings.for_request(request))
    except (DatabaseError, AttributeError):
        # No database, or no site for this host: the number must still show.
        logger.warning("Call-to-action read from the fallback copy")
        return {"cta": cta.without_database()}
    cta._last_known.update(values)
    return {"cta": values}
