"""The states tests start from (tests/conftest.py): a test's own rows survive going back to its state.

After a test that commits (a live-server test), going back to a state deletes every row the state does not hold. A
fixture that wrote rows before the test's state fixture lost them (every test of tests/test_film_guards.py and
tests/test_insights_dashboard.py failed on a worker that had run a live-server test before them), so the state is
put in place first, whatever order a test names its fixtures in.
"""

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import SESSION


@pytest.fixture
def after_a_committed_test():
    """What a live-server test leaves: the database no longer holds the demo site between tests."""
    SESSION["site"].holds = None


@pytest.fixture
def made_first(django_user_model):
    return django_user_model.objects.create_user("made-first", password="a long enough password")


def test_rows_a_fixture_made_before_the_state_are_kept(after_a_committed_test, made_first, demo_site):
    assert get_user_model().objects.filter(pk=made_first.pk, username="made-first").exists()
    made_first.save(update_fields=["last_login"])  # what signing in does; failed when the row had been deleted
