from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Campaign insights"

    def ready(self):
        from . import signals  # noqa: F401
