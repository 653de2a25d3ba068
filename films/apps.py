import mimetypes

from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"
    verbose_name = "Films"

    def ready(self):
        # Storage backends (S3 included) pick the Content-Type from these; browsers need them exact.
        mimetypes.add_type("text/vtt", ".vtt")
        mimetypes.add_type("video/mp4", ".mp4")
        mimetypes.add_type("video/webm", ".webm")
