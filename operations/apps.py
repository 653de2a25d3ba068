from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Production operations: headers, page cache, health, admin hardening"

    def ready(self):
        from . import login_throttle, signals  # noqa: F401
