"""Media on S3 through django-storages, against a real S3-speaking server (moto in server mode), not a mock."""

import io
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from tests.servers import free_port, wait_for

BUCKET = "hardcalls-media-test"
PUBLIC_READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
    ],
}


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", timeout=60, process=process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture
def s3_media(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    s3 = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2")
    if BUCKET not in [bucket["Name"] for bucket in s3.list_buckets()["Buckets"]]:
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        # Media are public (querystring_auth off); as in production, a bucket policy grants the reads.
        s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ_POLICY))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "region_name": "eu-west-2",
                "endpoint_url": s3_server,
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    return s3_server


def png_bytes(size=(600, 400)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_uploaded_image_round_trips_through_s3(s3_media):
    from wagtail.images.models import Image

    data = png_bytes()
    image = Image.objects.create(title="Portrait", file=ContentFile(data, name="portrait.png"))
    assert default_storage.__class__.__name__ == "S3Storage"
    name = image.file.name

    # Read back through django-storages and straight from the bucket.
    with default_storage.open(name) as handle:
        assert handle.read() == data
    s3 = boto3.client("s3", endpoint_url=s3_media, region_name="eu-west-2")
    assert s3.get_object(Bucket=BUCKET, Key=name)["Body"].read() == data

    # The public URL serves byte ranges (films are seeked this way).
    url = default_storage.url(name)
    assert url.startswith(f"{s3_media}/{BUCKET}/")
    request = urllib.request.Request(url, headers={"Range": "bytes=0-15"})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - local test server
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 0-15/{len(data)}"
        assert response.read() == data[:16]

    # Wagtail makes renditions from the stored original and stores them in the bucket too.
    rendition = image.get_rendition("fill-120x80")
    assert default_storage.exists(rendition.file.name)
    with default_storage.open(rendition.file.name) as handle:
        assert PILImage.open(handle).size == (120, 80)
