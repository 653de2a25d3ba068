from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial roles, sign-off and guidance"

    def ready(self):
        from . import sign_off_messages, signals  # noqa: F401
