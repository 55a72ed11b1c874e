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


def test_a_publish_finds_the_pages_aliases_through_an_index_at_any_size(network):
    """Every publish asks for the page's aliases. With the statistics of a 100,000-page site
    (where ANALYZE counts the NULLs of Wagtail's alias_of_id index as one value every row
    holds) SQLite's planner read every page in path order: 132 ms a publish. The partial index
    of the aliases alone is used instead."""
    page = network.school_a
    aliases = Page.objects.filter(alias_of=page).exclude(id=page.id)
    sql, params = aliases.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'praksisnet_page_alias_of'"
            )
            (definition,) = cursor.fetchone()
            assert "alias_of_id IS NOT NULL" in definition
            return
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA index_list('wagtailcore_page')")
        indexes = [row[1] for row in cursor.fetchall()]
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page'")
        for name in indexes:  # every row its own path; every row NULL in alias_of_id
            columns = 2 if "translation_key" in name else 1
            many = "alias_of" in name and name != "praksisnet_page_alias_of"
            stat = " ".join(["100036"] + ["100036" if many else "1"] * columns)
            if name != "praksisnet_page_alias_of":
                cursor.execute(
                    "INSERT INTO sqlite_stat1 VALUES ('wagtailcore_page', %s, %s)", [name, stat]
                )
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX praksisnet_page_alias_of" in plan, plan
    assert list(aliases) == []
