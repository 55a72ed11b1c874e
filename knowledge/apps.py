from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.query import PageQuerySet

        from . import planner_statistics
        from .cache import connect_signals
        from .experiments import privacy
        from .search import publishing  # noqa: F401

        connect_signals()
        PageQuerySet.private_q = privacy.private_q  # one subquery, not a condition a restriction
        # Every deploy migrates: the planner's statistics are then as new as the release.
        post_migrate.connect(planner_statistics.refresh_after_migrate, sender=self)
