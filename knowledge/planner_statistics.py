"""The query planner's statistics on SQLite, refreshed after migrations and bulk loads.

Without them SQLite plans every join as if each table were as large as the others. At 100,000
experiments it then read every page of the tree to find the home page's six collections (30 ms,
where it needs the few collection pages) and a municipality's schools (33 ms); after ANALYZE
(0.4 s at that size) the same queries take under 1 ms. SQLite's own ``PRAGMA optimize`` (before
3.46) refreshes statistics that exist but never makes the first ones, so ``ANALYZE`` runs after
``load_demo_network``, after ``rebuild_listing_facts`` and after a ``migrate`` (each deploy) of
a site of 1,000 pages or more. PostgreSQL's autovacuum keeps its statistics by itself;
nothing runs there.
"""

from django.db import DEFAULT_DB_ALIAS, connections


def refresh(using=DEFAULT_DB_ALIAS):
    """Gather the planner's statistics anew on SQLite; True when it did."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


#: Below this many pages the default plans serve, and statistics of a nearly empty site (a
#: fresh install; a test database flushed) would outlive it: migrate gathers none then.
WORTH_ANALYSING = 1000


def refresh_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver (once per migrate: connected for this app alone)."""
    from wagtail.models import Page

    if (
        connections[using].vendor == "sqlite"
        and Page.objects.using(using).count() >= WORTH_ANALYSING
    ):
        refresh(using)
