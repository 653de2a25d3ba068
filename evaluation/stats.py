"""The arithmetic behind the evaluation, in one place so the page, the report, the CSV and the JSON agree.

Plain Python on purpose: a few formulas on a few hundred numbers do not need numpy or scipy, and each function here
is checked against figures worked out by hand or published (tests/test_evaluation_figures.py).
"""

import math

# The 97.5th percentile of the normal distribution, as printed in every table and used by hand calculations.
Z_95 = 1.96
# A count below this, for one borough in one week (or one partner's story in one week), is shown as "fewer than 10".
SMALL_NUMBER = 10
FEWER_THAN = f"fewer than {SMALL_NUMBER}"


def mean(values):
    """The mean of the values that exist; None when there are none (a missing week is not a zero)."""
    values = [value for value in values if value is not None]
    return sum(values) / len(values) if values else None


def change_pct(before, after):
    """(after - before) / before x 100; None when either is missing or the baseline is zero."""
    if before is None or after is None or before == 0:
        return None
    return (after - before) / before * 100


def difference(a, b):
    return None if a is None or b is None else a - b


def wilson_interval(yes, n, z=Z_95):
    """The Wilson score interval for the proportion yes / n (Wilson 1927; Newcombe 1998, method 3).

    Unlike share +/- 1.96 standard errors it stays within 0 and 1 and behaves for small samples and shares near
    0 or 100 %.
    """
    if n <= 0 or not 0 <= yes <= n:
        raise ValueError("Need 0 <= yes <= n and n > 0.")
    p = yes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def difference_interval(yes_before, n_before, yes_after, n_after, z=Z_95):
    """after share - before share with its 95 % interval by Newcombe's hybrid score method (Newcombe 1998, method 10),
    built from the two Wilson intervals; for two independent samples, as two poll waves are."""
    p1, p2 = yes_before / n_before, yes_after / n_after
    l1, u1 = wilson_interval(yes_before, n_before, z)
    l2, u2 = wilson_interval(yes_after, n_after, z)
    d = p2 - p1
    return d, d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)


def rounded(value, places):
    return None if value is None else round(float(value), places)


def is_small(count):
    return count is not None and count < SMALL_NUMBER


def shown(count):
    """A single borough's (or one partner story's) weekly count as it may be shown: 'fewer than 10' when small."""
    if count is None:
        return None
    return FEWER_THAN if is_small(count) else count


def shown_total(counts):
    """A total beside counts that are shown with `shown`: small totals are suppressed, and so is a total beside
    exactly one suppressed count, which the total minus the others would otherwise reveal."""
    counts = [count for count in counts if count is not None]
    total = sum(counts)
    if sum(1 for count in counts if is_small(count)) == 1:
        return None
    return shown(total)
