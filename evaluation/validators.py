"""Rules a figure must meet, shared by the admin forms (model validation) and the CSV importer."""

import datetime

from django.core.exceptions import ValidationError


def monday_problem(day):
    """Why this date cannot start a week, or None."""
    if day.weekday() == 0:
        return None
    monday = day - datetime.timedelta(days=day.weekday())
    return f"{day.isoformat()} is a {day:%A}; weeks start on a Monday (that week's Monday is {monday.isoformat()})."


def validate_monday(day):
    problem = monday_problem(day)
    if problem:
        raise ValidationError(problem, code="not_monday")


def answers_problem(sample_size, yes):
    if sample_size is None or yes is None:
        return None
    if sample_size <= 0:
        return "The sample size must be at least 1."
    if yes > sample_size:
        return f"{yes} people answered yes but the sample was only {sample_size}."
    return None
