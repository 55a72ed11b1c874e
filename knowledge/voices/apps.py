from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoicesConfig(AppConfig):
    """Its own app inside the knowledge package: its models are new (see the issue's layout)."""

    name = "knowledge.voices"
    label = "voices"
    verbose_name = _("Voices")
    default_auto_field = "django.db.models.BigAutoField"
