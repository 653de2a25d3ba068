"""How the evaluation writes its numbers: the same on the page, in the report and on partners' pages."""

from django import template

register = template.Library()

NO_FIGURE = "no data"


@register.filter
def figure(value):
    """A count with thousands separators; text (such as 'fewer than 10') as it is; 'no data' for nothing."""
    if value is None or value == "":
        return NO_FIGURE
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


@register.filter
def mean(value):
    return NO_FIGURE if value is None else f"{value:,.1f}"


@register.filter
def change(value):
    """A percentage change, signed and to one decimal: +12.3%."""
    return NO_FIGURE if value is None else f"{value:+.1f}%"


@register.filter
def points(value):
    """A difference in percentage points, signed and to one decimal."""
    return NO_FIGURE if value is None else f"{value:+.1f} points"


@register.filter
def share(value):
    """A proportion (0 to 1) as a percentage to one decimal."""
    return NO_FIGURE if value is None else f"{value * 100:.1f}%"


@register.filter
def interval(bounds, kind="share"):
    """A 95 % interval: '19.1% to 27.3%' for shares, '+1.2 to +8.9 points' for differences."""
    if not bounds:
        return NO_FIGURE
    low, high = bounds[-2], bounds[-1]
    if kind == "points":
        return f"{low * 100:+.1f} to {high * 100:+.1f} points"
    return f"{low * 100:.1f}% to {high * 100:.1f}%"


@register.filter
def rate(value):
    return "–" if value is None else f"{value}"
