"""Local media are served with HTTP Range support (films must be seekable)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from operations.media import parse_range


@pytest.fixture
def stored_file(media_root):
    return default_storage.save("films/test.mp4", ContentFile(bytes(range(256)) * 40))


def test_whole_file(stored_file):
    response = Client().get(f"/media/{stored_file}")
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"
    assert len(b"".join(response.streaming_content)) == 10240


def test_range_request_answers_206_with_the_right_bytes(stored_file):
    response = Client().get(f"/media/{stored_file}", HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 100-199/10240"
    body = b"".join(response.streaming_content)
    assert body == bytes(range(100, 200))


def test_open_ended_and_suffix_ranges(stored_file):
    assert parse_range("", 10240) is None
    assert parse_range("bytes=10000-", 10240) == (10000, 10239)
    assert parse_range("bytes=-40", 10240) == (10200, 10239)


def test_unsatisfiable_range_is_416(stored_file):
    response = Client().get(f"/media/{stored_file}", HTTP_RANGE="bytes=99999-")
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */10240"


@pytest.mark.django_db  # the 404 page reads the call-to-action setting
@pytest.mark.parametrize("path", ["../settings.py", "..%2f..%2fetc/passwd", "nope.mp4", "films/"])
def test_missing_or_escaping_paths_are_404(stored_file, path):
    assert Client().get(f"/media/{path}").status_code == 404


def test_post_is_refused(stored_file):
    assert Client().post(f"/media/{stored_file}").status_code == 405
