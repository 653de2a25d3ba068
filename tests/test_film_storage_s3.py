"""Films stored on S3: seeking (HTTP Range → 206) and same-origin text/vtt captions.

S3 is a real S3-speaking server here: moto in server mode, started on a free port for this module.
"""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import boto3
import pytest
from django.core.files import File
from django.core.files.base import ContentFile
from django.test import Client
from storages.backends.s3 import S3Storage

from tests.film_helpers import DEMO_MP4, make_film

BUCKET = "films-test"
KEYS = {"access_key": "testing", "secret_key": "testing"}
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
    ],
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("moto server did not start")
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    # As in production: visitors may read media, nothing else (the settings upload with no ACL).
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


def s3_options(endpoint):
    return {
        "bucket_name": BUCKET,
        "endpoint_url": endpoint,
        "region_name": "eu-west-2",
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
        **KEYS,
    }


def test_film_on_s3_answers_range_requests_with_206(s3_endpoint):
    storage = S3Storage(**s3_options(s3_endpoint))
    with open(DEMO_MP4, "rb") as video:
        name = storage.save("films/video/range.mp4", File(video))
    size = DEMO_MP4.stat().st_size
    request = urllib.request.Request(storage.url(name), headers={"Range": "bytes=100-299"})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - local test server
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 100-299/{size}"
        assert response.headers["Content-Type"] == "video/mp4"
        assert response.read() == DEMO_MP4.read_bytes()[100:300]


def test_captions_stored_on_s3_are_served_same_origin_as_text_vtt(s3_endpoint, settings, django_user_model):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options(s3_endpoint)},
    }
    film = make_film(title="Stored on S3")
    assert film.captions.url.startswith(s3_endpoint)  # the file really lives in the bucket
    head = film.captions.storage.connection.meta.client.head_object(Bucket=BUCKET, Key=film.captions.name)
    assert head["ContentType"] == "text/vtt"
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-password-1"))
    response = editor.get(f"/films/{film.pk}/captions/en.vtt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content.startswith(b"WEBVTT")


def test_captions_saved_to_s3_keep_their_bytes(s3_endpoint):
    storage = S3Storage(**s3_options(s3_endpoint))
    name = storage.save("films/captions/x.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"))
    with storage.open(name, "rb") as handle:
        assert handle.read().startswith(b"WEBVTT")
