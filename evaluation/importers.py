"""One importer for each CSV the evaluation takes, used by the management commands and the admin upload forms.

All or nothing: the whole file is read and checked first, and every problem is reported with its line and column;
only a file with no problem is written, in one transaction. A row whose natural key (week, area and measure; or
wave, area and question) is already stored replaces the stored row.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from .areas import LONDON, MEASURES, POLL_AREAS, QUESTIONS, canonical_area, closest_area
from .models import OutcomeFigure, PollResult
from .validators import monday_problem

MAX_PROBLEMS = 50
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WHOLE_NUMBER = re.compile(r"^[+-]?\d+$")


class ImportRefused(Exception):
    """The file was not imported. `problems` lists each one as a sentence naming its line (and column)."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(problems))


class _Problem(Exception):
    pass


@dataclass
class ImportResult:
    rows: int
    created: int
    replaced: int
    noun: str

    def __str__(self):
        return f"Imported {self.rows:,} {self.noun}: {self.created:,} new, {self.replaced:,} replaced."


# --- Reading the file -------------------------------------------------------------------------------------------


def _text(data):
    if hasattr(data, "read"):
        data = data.read(settings.EVALUATION_IMPORT_MAX_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > settings.EVALUATION_IMPORT_MAX_BYTES:
        limit = settings.EVALUATION_IMPORT_MAX_BYTES // 1024
        raise ImportRefused([f"The file is larger than {limit:,} KB; split it into smaller files."])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [f"Line {line}: the file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'."]
        ) from None


def _rows(data, columns):
    """(line number, {column: value}) for each non-blank line, after checking the header; ImportRefused if the
    header or the CSV itself is wrong. The header is line 1."""
    reader = csv.reader(io.StringIO(_text(data), newline=""))
    header, header_line = None, 0
    problems = []
    rows = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header, header_line = [cell.strip().lower() for cell in record], line
                while header and not header[-1]:  # spreadsheets often leave empty columns at the end
                    header.pop()
                problems.extend(_header_problems(header, header_line, columns))
                if problems:
                    raise ImportRefused(problems)
                continue
            if len(record) > len(header):
                extra = next((cell for cell in record[len(header) :] if cell.strip()), "")
                if extra:
                    problems.append(
                        f"Line {line}, column {len(header) + 1}: a value ({extra.strip()!r}) with no column heading; "
                        f"the file has {len(header)} columns."
                    )
                    continue
            values = {name: (record[i].strip() if i < len(record) else None) for i, name in enumerate(header)}
            rows.append((line, values))
    except csv.Error as error:
        problems.append(f"Line {reader.line_num}: the file is not valid CSV ({error}).")
    if header is None:
        raise ImportRefused([f"The file is empty: line 1 should be the header {', '.join(columns)}."])
    if problems:
        raise ImportRefused(problems)
    return rows


def _header_problems(header, line, columns):
    problems = []
    seen = set()
    for position, name in enumerate(header, start=1):
        if name in seen:
            problems.append(f"Line {line}, column {position} ({name!r}): this column appears twice.")
        elif name not in columns:
            label = repr(name) if name else "with no heading"
            problems.append(
                f"Line {line}, column {position} ({label}): unknown column. The columns are {', '.join(columns)}."
            )
        seen.add(name)
    for name in columns:
        if name not in seen:
            problems.append(
                f"Line {line}, column {name}: this column is missing. The columns are {', '.join(columns)}."
            )
    return problems


# --- Reading one value ------------------------------------------------------------------------------------------


def _present(value):
    if value is None:
        raise _Problem("missing: the line has fewer values than the header has columns.")
    if value == "":
        raise _Problem("empty; a value is needed.")
    return value


def _date(value):
    value = _present(value)
    if not ISO_DATE.match(value):
        raise _Problem(f"{value!r} is not a date written YYYY-MM-DD (for example 2021-04-12).")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _Problem(f"{value!r} is not a real date.") from None


def _monday(value):
    day = _date(value)
    problem = monday_problem(day)
    if problem:
        raise _Problem(problem)
    return day


def _whole_number(value, minimum):
    value = _present(value)
    if not WHOLE_NUMBER.match(value):
        raise _Problem(f"{value!r} is not a whole number.")
    number = int(value)
    if number < minimum:
        raise _Problem(f"{number} is below {minimum}; it must be {minimum} or more.")
    return number


def _choice(value, choices, what):
    value = _present(value)
    if value in choices:
        return value
    if value.lower() in choices:
        return value.lower()
    raise _Problem(f"{value!r} is not a known {what}; use one of {', '.join(choices)}.")


def _area(value):
    value = _present(value)
    area = canonical_area(value)
    if area:
        return area
    guess = closest_area(value)
    hint = f" Did you mean {guess!r}?" if guess else ""
    raise _Problem(f"{value!r} is not {LONDON} or one of the 33 London boroughs (including City of London).{hint}")


def _label(value):
    value = _present(value)
    if len(value) > 40:
        raise _Problem(f"{value[:40]!r}... is longer than 40 characters; use a short label such as 'Wave 1'.")
    return value


class _RowReader:
    """Collects problems across a whole file, each named by line and column."""

    def __init__(self):
        self.problems = []

    def field(self, line, values, column, parse, *args):
        try:
            return parse(values[column], *args)
        except _Problem as problem:
            self.problem(f"Line {line}, column {column}: {problem}")
            return None

    def problem(self, message):
        self.problems.append(message)

    def raise_if_any(self):
        if self.problems:
            shown = self.problems[:MAX_PROBLEMS]
            if len(self.problems) > MAX_PROBLEMS:
                shown.append(f"... and {len(self.problems) - MAX_PROBLEMS:,} more problems.")
            raise ImportRefused(shown)


# --- Outcome figures ------------------------------------------------------------------------------------------

OUTCOME_COLUMNS = ("week_start", "area", "measure", "count")


def read_outcomes(data):
    """The file's rows as unsaved OutcomeFigure objects, or ImportRefused listing every problem."""
    reader = _RowReader()
    figures, first_line = [], {}
    for line, values in _rows(data, OUTCOME_COLUMNS):
        week = reader.field(line, values, "week_start", _monday)
        area = reader.field(line, values, "area", _area)
        measure = reader.field(line, values, "measure", _choice, MEASURES, "measure")
        count = reader.field(line, values, "count", _whole_number, 0)
        if None in (week, area, measure, count):
            continue
        key = (week, area, measure)
        if key in first_line:
            reader.problem(
                f"Line {line}, columns week_start, area, measure: the same week, area and measure as line "
                f"{first_line[key]} ({week.isoformat()}, {area}, {measure}); each may appear once."
            )
            continue
        first_line[key] = line
        figures.append(OutcomeFigure(week_start=week, area=area, measure=measure, count=count))
    reader.raise_if_any()
    if not figures:
        raise ImportRefused(["The file has a header but no figures."])
    return figures


def import_outcomes(data):
    figures = read_outcomes(data)
    with transaction.atomic():
        stored = set(OutcomeFigure.objects.values_list("week_start", "area", "measure"))
        replaced = sum(1 for f in figures if (f.week_start, f.area, f.measure) in stored)
        OutcomeFigure.objects.bulk_create(
            figures,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["week_start", "area", "measure"],
            update_fields=["count", "updated_at"],
        )
    return ImportResult(len(figures), len(figures) - replaced, replaced, "outcome figures")


# --- Poll waves -----------------------------------------------------------------------------------------------

POLL_COLUMNS = ("wave", "fieldwork_start", "fieldwork_end", "area", "question", "sample_size", "yes")


def read_poll_waves(data):
    """The file's rows as unsaved PollResult objects, or ImportRefused listing every problem."""
    reader = _RowReader()
    results, first_line, wave_dates = [], {}, {}
    for line, values in _rows(data, POLL_COLUMNS):
        wave = reader.field(line, values, "wave", _label)
        start = reader.field(line, values, "fieldwork_start", _date)
        end = reader.field(line, values, "fieldwork_end", _date)
        area = reader.field(line, values, "area", _choice, POLL_AREAS, "poll area")
        question = reader.field(line, values, "question", _choice, QUESTIONS, "question")
        sample_size = reader.field(line, values, "sample_size", _whole_number, 1)
        yes = reader.field(line, values, "yes", _whole_number, 0)
        if start and end and end < start:
            reader.problem(f"Line {line}, column fieldwork_end: {end.isoformat()} is before {start.isoformat()}.")
            continue
        if sample_size is not None and yes is not None and yes > sample_size:
            reader.problem(f"Line {line}, column yes: {yes} is more than the sample_size of {sample_size}.")
            continue
        if None in (wave, start, end, area, question, sample_size, yes):
            continue
        if wave in wave_dates and wave_dates[wave][:2] != (start, end):
            first_start, first_end, at = wave_dates[wave]
            reader.problem(
                f"Line {line}, columns fieldwork_start, fieldwork_end: {wave} has fieldwork {first_start.isoformat()} "
                f"to {first_end.isoformat()} on line {at}; every row of a wave has the same dates."
            )
            continue
        wave_dates.setdefault(wave, (start, end, line))
        key = (wave, area, question)
        if key in first_line:
            reader.problem(
                f"Line {line}, columns wave, area, question: the same wave, area and question as line "
                f"{first_line[key]} ({wave}, {area}, {question}); each may appear once."
            )
            continue
        first_line[key] = line
        results.append(
            PollResult(
                wave=wave,
                fieldwork_start=start,
                fieldwork_end=end,
                area=area,
                question=question,
                sample_size=sample_size,
                yes=yes,
            )
        )
    reader.raise_if_any()
    if not results:
        raise ImportRefused(["The file has a header but no results."])
    return results


def import_poll_waves(data):
    results = read_poll_waves(data)
    with transaction.atomic():
        stored = set(PollResult.objects.values_list("wave", "area", "question"))
        replaced = sum(1 for r in results if (r.wave, r.area, r.question) in stored)
        # A wave is one stretch of fieldwork: the file's dates become the dates of the wave's stored rows too.
        for wave in {r.wave for r in results}:
            start, end = next((r.fieldwork_start, r.fieldwork_end) for r in results if r.wave == wave)
            PollResult.objects.filter(wave=wave).update(fieldwork_start=start, fieldwork_end=end)
        PollResult.objects.bulk_create(
            results,
            update_conflicts=True,
            unique_fields=["wave", "area", "question"],
            update_fields=["fieldwork_start", "fieldwork_end", "sample_size", "yes", "updated_at"],
        )
    return ImportResult(len(results), len(results) - replaced, replaced, "poll results")
