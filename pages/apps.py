from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Campaign pages and settings"

    def ready(self):
        from . import call_to_action  # noqa: F401 - connects its signal receiver
