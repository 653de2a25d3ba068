from django import template

from insights.models import InsightsSettings

register = template.Library()


@register.inclusion_tag("components/awareness_poll.html", takes_context=True)
def awareness_poll(context, page):
    request = context.get("request")
    poll_settings = InsightsSettings.for_request(request) if request else None
    enabled = bool(poll_settings and poll_settings.awareness_poll_enabled and page and page.id)
    return {"enabled": enabled, "question": poll_settings.poll_question if enabled else "", "page_id": page.id}


@register.filter
def bar_width(value, peak):
    """Width of a bar as a percentage of the largest value shown (for the dashboard's HTML bar charts)."""
    try:
        return round(100 * value / peak, 1) if peak else 0
    except (TypeError, ZeroDivisionError):
        return 0
