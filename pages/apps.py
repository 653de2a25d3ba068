from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Campaign pages and settings"

    def ready(self):
        from . import signals  # noqa: F401
