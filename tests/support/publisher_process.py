"""Publishing from several processes at once, for test_concurrent_publishing (and, with
production settings, tests/praksisnet/test_database_settings): publish_at_once starts the children;
each runs publish against the parent's test database and search index."""

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.name}: {record.getMessage()}")


def publish(
    db_name,
    search_backends,
    work,
    barrier,
    settings_module="praksisnet.settings.test",
    environ=None,
):
    """work: [(pk, word)]; returns (published pks, errors, warnings logged).

    settings_module and environ (extra environment variables, read by that module) choose the
    settings the child runs with; only the database name and the search index are the parent's.
    """
    os.environ.update(environ or {})
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
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


def publish_at_once(processes, work, settings_module="praksisnet.settings.test", environ=None):
    """Run publish in processes children at once (a barrier), work dealt out in turn; returns
    their outcomes. Closes this process's database connection: the children open their own."""
    from django.conf import settings
    from django.db import connection

    db_name = str(connection.settings_dict["NAME"])
    connection.close()
    context = multiprocessing.get_context("spawn")
    manager = context.Manager()
    barrier = manager.Barrier(processes)
    try:
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            futures = [
                pool.submit(
                    publish,
                    db_name,
                    settings.WAGTAILSEARCH_BACKENDS,
                    work[i::processes],
                    barrier,
                    settings_module=settings_module,
                    environ=environ,
                )
                for i in range(processes)
            ]
            return [future.result(timeout=600) for future in futures]
    finally:
        manager.shutdown()


def rebuild_slowly(db_name, search_backends, settings_module="praksisnet.settings.test"):
    """Run update_index against the parent's test database and index, pausing a minute after
    its first batch of documents, so the parent can kill it mid-rebuild (tests/security)."""
    import time

    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = db_name
    settings.WAGTAILSEARCH_BACKENDS = search_backends
    import django

    django.setup()
    from django.core.management import call_command

    from knowledge.search.whoosh_backend.indexes import WhooshBulkIndex

    add_items = WhooshBulkIndex._add_items

    def add_then_pause(self, model, items):
        add_items(self, model, items)
        time.sleep(60)

    WhooshBulkIndex._add_items = add_then_pause
    call_command("update_index")


def start_slow_rebuild():
    """rebuild_slowly in a child process, started; closes this process's database connection."""
    from django.conf import settings
    from django.db import connection

    db_name = str(connection.settings_dict["NAME"])
    connection.close()
    context = multiprocessing.get_context("spawn")
    child = context.Process(
        target=rebuild_slowly, args=(db_name, settings.WAGTAILSEARCH_BACKENDS), daemon=True
    )
    child.start()
    return child
