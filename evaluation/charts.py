"""Charts as server-rendered SVG: weekly outcome lines, poll shares with their intervals, the site funnel.

Why our own small code and not a charting library: the public pages' CSP allows no inline script or style, and the
charts must print and read without JavaScript. pygal, the well-known Python SVG library, puts a `<style>` element in
every chart and by default links its tooltip script from kozea.github.io; JavaScript libraries are out by the rules
above. Three chart shapes take about 300 lines here.

Every chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>` (the text summary), and
each is shown beside its data table. Colours are told apart by line pattern and marker shape too, and every line is
labelled directly, so nothing depends on colour alone.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .figures import WEEK

FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
INK = "#0b0c0c"
MUTED = "#505a5f"
GRID = "#d8dadc"
BAND = "#eaeff5"
LAUNCH = "#b10e1e"
# Line colour, dash pattern and marker for up to three lines, distinguishable in greyscale too.
STYLES = {
    "london": (INK, "", "circle"),
    "target": ("#1d4f91", "", "circle"),
    "comparison": ("#9c3d06", "7 4", "square"),
}
POLL_COLOURS = {"target": ("#1d4f91", "#c9d7ec"), "comparison": ("#9c3d06", "#f3d9c8")}


@dataclass
class Chart:
    chart_id: str
    title: str
    summary: str
    svg: str


def _f(value):
    return f"{value:.1f}"


def nice_ceiling(value, ticks=5):
    """A round top for the y axis and its tick step, e.g. 87 -> (100, 20)."""
    if value <= 0:
        return ticks, 1
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = int(step) if step >= 1 else step
    return step * math.ceil(value / step), step


def _number(value):
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _svg(chart_id, title, summary, width, height, body):
    return mark_safe(  # noqa: S308 - every text below is escaped where it is built
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="chart__svg" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="12" fill="{INK}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(summary)}</desc>'
        f"{''.join(body)}</svg>"
    )


def _marker(shape, x, y, colour):
    if shape == "square":
        return f'<rect x="{_f(x - 3)}" y="{_f(y - 3)}" width="6" height="6" fill="{colour}"/>'
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3" fill="{colour}"/>'


def weekly_line_chart(chart_id, title, summary, evaluation, lines, unit):
    """Weekly counts as lines, with the 8 baseline weeks shaded, each line's baseline mean dashed, and the launch
    marked. `lines` is a list of (group key, label, {week: count}, baseline mean)."""
    width, height = 760, 320
    left, right, top, bottom = 56, 150, 30, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    if not evaluation.weeks:
        return None
    first, last = evaluation.weeks[0], evaluation.weeks[-1]
    if evaluation.baseline_start:
        first = min(first, evaluation.baseline_start)
    count = (last - first).days // 7 + 1
    step = plot_w / max(count - 1, 1)

    def x(week):
        return left + (week - first).days / 7 * step

    peak = max([v for _, _, values, _ in lines for v in values.values() if isinstance(v, int)] or [0])
    peak = max([peak] + [mean for *_, mean in lines if mean])
    top_value, tick = nice_ceiling(peak)

    def y(value):
        return top + plot_h - value / top_value * plot_h

    body = []
    # Baseline weeks and launch.
    if evaluation.launch_date:
        band_x0, band_x1 = x(evaluation.baseline_start) - step / 2, x(evaluation.launch_week) - step / 2
        body.append(
            f'<rect x="{_f(band_x0)}" y="{top}" width="{_f(band_x1 - band_x0)}" height="{plot_h}" fill="{BAND}"/>'
        )
        body.append(f'<text x="{_f(band_x0 + 4)}" y="{top + 14}" fill="{MUTED}">Baseline, 8 weeks</text>')
    # Grid and y axis.
    value = 0
    while value <= top_value + 1e-9:
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{_f(y(value))}" y2="{_f(y(value))}" stroke="{GRID}"/>')
        body.append(f'<text x="{left - 8}" y="{_f(y(value) + 4)}" text-anchor="end">{_number(value)}</text>')
        value += tick
    body.append(
        f'<text transform="translate(14 {top + plot_h / 2:.0f}) rotate(-90)" text-anchor="middle" fill="{MUTED}">'
        f"{escape(unit)} a week</text>"
    )
    # x axis: the first week of each month.
    week, last_month = first, None
    while week <= last:
        if (week.year, week.month) != last_month:
            year = week.month == 1 or last_month is None
            body.append(f'<line x1="{_f(x(week))}" x2="{_f(x(week))}" y1="{top + plot_h}" y2="{top + plot_h + 5}" '
                        f'stroke="{MUTED}"/>')  # fmt: skip
            body.append(f'<text x="{_f(x(week))}" y="{top + plot_h + 19}" text-anchor="middle">{week:%b}</text>')
            if year:
                body.append(f'<text x="{_f(x(week))}" y="{top + plot_h + 34}" text-anchor="middle" '
                            f'fill="{MUTED}">{week:%Y}</text>')  # fmt: skip
            last_month = (week.year, week.month)
        week += WEEK
    body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{MUTED}"/>')
    if evaluation.launch_date:
        launch_x = x(evaluation.launch_week) - step / 2
        body.append(f'<line x1="{_f(launch_x)}" x2="{_f(launch_x)}" y1="{top - 8}" y2="{top + plot_h}" '
                    f'stroke="{LAUNCH}" stroke-width="2"/>')  # fmt: skip
        body.append(f'<text x="{_f(launch_x + 4)}" y="{top - 12}" fill="{LAUNCH}" font-weight="bold">'
                    f"Launch {evaluation.launch_date:%-d %b %Y}</text>")  # fmt: skip
    # Lines, markers, baseline means and direct labels.
    label_positions = []
    for group, label, values, baseline in lines:
        colour, dash, shape = STYLES[group]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if baseline is not None and evaluation.launch_date:
            body.append(
                f'<line x1="{_f(x(evaluation.baseline_start) - step / 2)}" x2="{left + plot_w}" '
                f'y1="{_f(y(baseline))}" y2="{_f(y(baseline))}" stroke="{colour}" stroke-width="1" '
                f'stroke-dasharray="2 3" opacity="0.9"/>'
            )
        path, previous = [], None
        for week in sorted(values):
            value = values[week]
            if not isinstance(value, int):
                previous = None
                continue
            command = "L" if previous and (week - previous).days == 7 else "M"
            path.append(f"{command}{_f(x(week))} {_f(y(value))}")
            previous = week
        if path:
            body.append(f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for week, value in values.items():
            if isinstance(value, int):
                body.append(_marker(shape, x(week), y(value), colour))
        shown = [(w, v) for w, v in sorted(values.items()) if isinstance(v, int)]
        if shown:
            label_positions.append([y(shown[-1][1]), label, colour, baseline])
    # Direct labels at the right, nudged apart so they never overlap.
    label_positions.sort()
    for i in range(1, len(label_positions)):
        label_positions[i][0] = max(label_positions[i][0], label_positions[i - 1][0] + 30)
    for label_y, label, colour, baseline in label_positions:
        body.append(f'<text x="{left + plot_w + 8}" y="{_f(label_y)}" fill="{colour}" font-weight="bold">'
                    f"{escape(label)}</text>")  # fmt: skip
        if baseline is not None:
            body.append(f'<text x="{left + plot_w + 8}" y="{_f(label_y + 14)}" fill="{MUTED}">'
                        f"baseline {_number(round(baseline, 1))}</text>")  # fmt: skip
    return Chart(chart_id, title, summary, _svg(chart_id, title, summary, width, height, body))


def interval_chart(chart_id, title, summary, rows):
    """Horizontal bars for shares (0-100 %) with their 95 % intervals as whiskers, each row labelled above its bar
    (so long wave names fit). `rows` is a list of (label, area key, share, (low, high))."""
    width = 760
    left, right, top, row_h = 12, 170, 12, 46
    plot_w = width - left - right
    bottom = top + row_h * len(rows)
    height = bottom + 28

    def x(share):
        return left + share * plot_w

    body = []
    for pct in range(0, 101, 20):
        body.append(f'<line x1="{_f(x(pct / 100))}" x2="{_f(x(pct / 100))}" y1="{top}" y2="{bottom}" stroke="{GRID}"/>')
        anchor = "start" if pct == 0 else "middle"
        body.append(f'<text x="{_f(x(pct / 100))}" y="{bottom + 18}" text-anchor="{anchor}">{pct}%</text>')
    for i, (label, area, share, (low, high)) in enumerate(rows):
        line, fill = POLL_COLOURS[area]
        row_top = top + i * row_h
        mid = row_top + 30
        body.append(f'<text x="{left}" y="{row_top + 13}" font-weight="bold">{escape(label)}</text>')
        body.append(f'<rect x="{left}" y="{_f(mid - 8)}" width="{_f(share * plot_w)}" height="16" fill="{fill}" '
                    f'stroke="{line}"/>')  # fmt: skip
        body.append(f'<line x1="{_f(x(low))}" x2="{_f(x(high))}" y1="{_f(mid)}" y2="{_f(mid)}" stroke="{INK}" '
                    f'stroke-width="2"/>')  # fmt: skip
        for end in (low, high):
            body.append(f'<line x1="{_f(x(end))}" x2="{_f(x(end))}" y1="{_f(mid - 6)}" y2="{_f(mid + 6)}" '
                        f'stroke="{INK}" stroke-width="2"/>')  # fmt: skip
        body.append(f'<text x="{left + plot_w + 10}" y="{_f(mid + 4)}">{share * 100:.0f}% '
                    f"(interval {low * 100:.0f}–{high * 100:.0f}%)</text>")  # fmt: skip
    return Chart(chart_id, title, summary, _svg(chart_id, title, summary, width, height, body))


def funnel_chart(chart_id, title, summary, steps):
    """One bar per step, as long as its count relative to page views. `steps` is (label, count, per 100 views)."""
    width = 760
    left, right, top, row_h = 200, 190, 12, 32
    plot_w = width - left - right
    height = top + row_h * len(steps) + 10
    peak = max([count for _, count, _ in steps] or [0]) or 1
    body = []
    for i, (label, count, per_hundred) in enumerate(steps):
        mid = top + i * row_h + row_h / 2
        bar = max(count / peak * plot_w, 2 if count else 0)
        body.append(f'<text x="{left - 10}" y="{_f(mid + 4)}" text-anchor="end">{escape(label)}</text>')
        body.append(f'<rect x="{left}" y="{_f(mid - 10)}" width="{_f(bar)}" height="20" fill="#1d4f91"/>')
        rate = f" ({per_hundred} per 100 views)" if per_hundred is not None and i else ""
        body.append(f'<text x="{_f(left + bar + 8)}" y="{_f(mid + 4)}">{count:,}{rate}</text>')
    return Chart(chart_id, title, summary, _svg(chart_id, title, summary, width, height, body))


# --- The evaluation's charts and their text summaries ------------------------------------------------------------


def _mean_text(value, unit):
    return "no figures" if value is None else f"{_number(round(value, 1))} {unit} a week"


def _change_text(change):
    if change is None:
        return "no change can be computed"
    direction = "up" if change > 0 else "down" if change < 0 else "unchanged,"
    return f"{direction} {abs(change):.1f}%"


def series_sentence(series, unit):
    return (
        f"{series.label}: {_mean_text(series.baseline, unit)} in the baseline weeks, "
        f"{_mean_text(series.campaign, unit)} since launch ({_change_text(series.change)})."
    )


def outcome_charts(evaluation, measure):
    """The London chart and the target-versus-comparison chart for one measure."""
    unit = measure.replace("_", " ")
    london = evaluation.outcomes["london"][measure]
    target, comparison = evaluation.outcomes["target"][measure], evaluation.outcomes["comparison"][measure]
    label = london.measure_label
    charts = []
    chart = weekly_line_chart(
        f"chart-{measure}-london",
        f"{label} each week in London",
        series_sentence(london, unit),
        evaluation,
        [("london", "London", london.weekly, london.baseline)],
        label,
    )
    if chart:
        charts.append(chart)
    did = evaluation.did[measure]
    did_text = (
        f"Difference in differences: {did:+.1f} percentage points."
        if did is not None
        else "The difference in differences needs both groups' changes."
    )
    groups_summary = f"{series_sentence(target, unit)} {series_sentence(comparison, unit)} {did_text}"
    if evaluation.target or evaluation.comparison:
        chart = weekly_line_chart(
            f"chart-{measure}-groups",
            f"{label} each week: target and comparison boroughs",
            groups_summary,
            evaluation,
            [
                ("target", "Target", {w: target.shown(w) for w in target.weekly}, target.baseline),
                ("comparison", "Comparison", {w: comparison.shown(w) for w in comparison.weekly}, comparison.baseline),
            ],
            label,
        )
        if chart:
            charts.append(chart)
    return charts


def poll_charts(evaluation):
    charts = []
    by_question = {}
    for row in evaluation.poll:
        by_question.setdefault(row.question, []).append(row)
    for question, rows in by_question.items():
        bars = [(f"{row.wave}: {row.area_label.lower()}", row.area, row.share, row.ci95) for row in rows]
        sentences = [
            f"{row.wave}, {row.area_label.lower()}: {row.share * 100:.0f}% of {row.n:,} "
            f"(95% interval {row.ci95[0] * 100:.0f}% to {row.ci95[1] * 100:.0f}%)."
            for row in rows
        ]
        for change in evaluation.poll_changes:
            if change.question == question:
                difference, low, high = change.interval
                sentences.append(
                    f"{change.area_label}: {difference * 100:+.1f} points from {change.before.wave} to "
                    f"{change.after.wave} (95% interval {low * 100:+.1f} to {high * 100:+.1f})."
                )
        title = f"Poll: {rows[0].question_label.lower()}"
        charts.append(interval_chart(f"chart-poll-{question}", title, " ".join(sentences), bars))
    return charts


def funnel_charts(evaluation):
    total = evaluation.funnel_total
    steps = total.steps
    views = total.counts["views"]
    if views:
        summary = (
            f"Since launch, {views:,} page views; {total.counts['started']:,} films started "
            f"({total.per_hundred('started')} per 100 views), {total.counts['completed']:,} watched to the end, "
            f"{total.counts['calls']:,} call taps and {total.counts['forms']:,} online form taps "
            f"({total.per_hundred('contacts')} per 100 views together)."
        )
    else:
        return []
    return [funnel_chart("chart-funnel", "Site funnel, all channels", summary, steps)]
