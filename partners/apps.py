from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners"

    def ready(self):
        from . import kit  # noqa: F401  (rebuilds the partner kits when a story, the settings or a partner change)
