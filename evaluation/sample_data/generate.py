"""Writes the INVENTED sample data in this folder, for trying the evaluation out. Not real Crimestoppers figures.

A year of weekly calls and online reports for London and its 33 boroughs (2021, around the demo launch date of
14 April 2021), with a made-up rise in five "target" boroughs, and two made-up poll waves. Deterministic: running
it again writes the same files.

    .venv/bin/python evaluation/sample_data/generate.py
"""

import csv
import datetime
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_WEEK = datetime.date(2021, 1, 4)
WEEKS = 52
LAUNCH_WEEK = datetime.date(2021, 4, 12)
# The boroughs the docs suggest choosing in the evaluation settings, and the invented uplift after launch.
TARGET = ("Croydon", "Hackney", "Lambeth", "Newham", "Southwark")
COMPARISON = ("Brent", "Enfield", "Haringey", "Lewisham", "Tower Hamlets")
UPLIFT = {"calls": {"target": 0.24, "comparison": 0.05}, "online_reports": {"target": 0.33, "comparison": 0.07}}
BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon", "Ealing",
    "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
    "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
    "Wandsworth", "Westminster",
)  # fmt: skip
WAVES = [
    ("Wave 1 (invented sample)", datetime.date(2021, 3, 15), datetime.date(2021, 3, 28)),
    ("Wave 2 (invented sample)", datetime.date(2021, 6, 7), datetime.date(2021, 6, 20)),
]
SAMPLE = {"target": 1000, "comparison": 800}
SHARES = {  # (wave 1, wave 2) per area and question
    "aware_of_campaign": {"target": (0.07, 0.31), "comparison": (0.06, 0.11)},
    "knows_anonymous": {"target": (0.42, 0.55), "comparison": (0.40, 0.43)},
    "would_call": {"target": (0.35, 0.41), "comparison": (0.33, 0.34)},
}


def poisson(rng, mean):
    """Knuth's method: fine for the small weekly means here."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def base_rates(rng):
    rates = {}
    for borough in BOROUGHS:
        calls = 0.6 if borough == "City of London" else rng.uniform(4, 11)
        if borough in TARGET:
            calls = rng.uniform(10, 14)  # the campaign targets higher-crime boroughs
        elif borough in COMPARISON:
            calls = rng.uniform(9, 13)
        rates[borough] = {"calls": calls, "online_reports": calls * rng.uniform(0.55, 0.8)}
    return rates


def outcome_rows(rng):
    rates = base_rates(rng)
    for i in range(WEEKS):
        week = FIRST_WEEK + datetime.timedelta(weeks=i)
        season = 1 + 0.12 * math.sin((i - 10) / 52 * 2 * math.pi)  # a little higher in summer
        weeks_since = (week - LAUNCH_WEEK).days // 7
        ramp = 0 if weeks_since < 0 else min(1, (weeks_since + 1) / 4)  # the rise builds over a month
        london = {"calls": 0, "online_reports": 0}
        borough_rows = []
        for borough in BOROUGHS:
            group = "target" if borough in TARGET else "comparison" if borough in COMPARISON else None
            for measure in ("calls", "online_reports"):
                uplift = UPLIFT[measure][group] * ramp if group else 0.03 * ramp
                count = poisson(rng, rates[borough][measure] * season * (1 + uplift))
                london[measure] += count
                borough_rows.append([week.isoformat(), borough, measure, count])
        for measure in ("calls", "online_reports"):
            # London's own figure also counts reports whose borough was not given.
            yield [week.isoformat(), "London", measure, london[measure] + poisson(rng, 12)]
        yield from borough_rows


def poll_rows():
    for index, (wave, start, end) in enumerate(WAVES):
        for area in ("target", "comparison"):
            for question, shares in SHARES.items():
                n = SAMPLE[area] + (37 if index else 0)
                yield [wave, start.isoformat(), end.isoformat(), area, question, n, round(n * shares[area][index])]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    write(
        HERE / "invented-sample-outcomes.csv",
        ["week_start", "area", "measure", "count"],
        outcome_rows(random.Random(15)),  # noqa: S311 - invented figures, not secrets
    )
    write(
        HERE / "invented-sample-poll-waves.csv",
        ["wave", "fieldwork_start", "fieldwork_end", "area", "question", "sample_size", "yes"],
        poll_rows(),
    )
