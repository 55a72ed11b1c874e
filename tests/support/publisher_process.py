"""Run in a child process by test_concurrent_publishing: publish experiments at the same moment
as the other children, against the parent's test database and search index."""

import logging
import os


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.name}: {record.getMessage()}")


def publish(db_name, search_backends, work, barrier):
    """work: [(pk, word)]; returns (published pks, errors, warnings logged)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "praksisnet.settings.test"
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = db_name
    settings.WAGTAILSEARCH_BACKENDS = search_backends
    import django

    django.setup()
    from knowledge.models import ExperimentPage

    collector = _Collect()
    logging.getLogger().addHandler(collector)
    published, errors = [], []
    barrier.wait(timeout=120)
    for pk, word in work:
        try:
            page = ExperimentPage.objects.get(pk=pk)
            page.title = f"{page.title} {word}"
            page.save_revision().publish()
            published.append(pk)
        except Exception as exc:  # reported to the parent, which fails the test
            errors.append(repr(exc))
    return published, errors, collector.messages
