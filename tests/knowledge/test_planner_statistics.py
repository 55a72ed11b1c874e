"""SQLite's planner statistics: gathered after migrations and bulk loads, so that it plans a
join from the small table (a municipality's schools, the home page's collections) instead of
reading every page of the tree. PostgreSQL's autovacuum keeps its own: nothing runs there."""

import os

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from knowledge import planner_statistics

pytestmark = pytest.mark.django_db


def statistics_of(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        return [row[0] for row in cursor.fetchall()]


def test_rebuilding_the_facts_leaves_statistics_that_count_the_pages(network):
    if connection.vendor != "sqlite":
        assert planner_statistics.refresh() is False
        return
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_listing_facts", stdout=quiet)
    pages = statistics_of("wagtailcore_page")
    assert pages, "no statistics for the page tree"
    assert int(pages[0].split()[0]) == Page.objects.count()
