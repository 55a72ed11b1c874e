"""The findings page, the experiments list and their exports run the same number of queries
whatever the size of the network. Measured cold: the cache is emptied first, so the cached
listings (knowledge.cache) are built from the database."""

import io

import openpyxl
import pytest
from django.core.cache import cache

from knowledge.models import ExperimentPage, Finding
from tests.support.network import grow
from tests.support.pages import experiment_titles, statements
from tests.support.queries import cold_queries

pytestmark = pytest.mark.django_db

URLS = [
    "/fund/",
    "/fund/?emne=l%C3%A6sning&aar=2026",
    "/forsoeg/",
    "/forsoeg/?fag=dansk&grundlag=observations",
    "/fund/eksport.xlsx?fag=dansk",
    "/forsoeg/eksport.csv",
]


def rows_in(response):
    if response["Content-Type"].startswith("application/vnd.openxml"):
        return openpyxl.load_workbook(io.BytesIO(response.content)).active.max_row - 1
    content = response.content.decode("utf-8-sig")
    return (
        content.count('class="statement"')
        + content.count('class="experiment"')
        + (content.count("\n") - 1 if response["Content-Type"].startswith("text/csv") else 0)
    )


@pytest.mark.parametrize("as_member", [False, True])
def test_constant_number_of_queries_at_two_sizes(
    client, network, django_assert_num_queries, as_member
):
    if as_member:
        client.force_login(network.leader_a)
    grow(network, 3)
    small = {}
    for url in URLS:
        small[url], response = cold_queries(client, url)
        assert rows_in(response) > 0, f"{url} must list something for the count to mean anything"
    grow(network, 12, start=3)
    for url in URLS:
        cache.clear()
        with django_assert_num_queries(small[url]):
            response = client.get(url)
        assert response.status_code == 200
    # The larger network really does show more rows.
    visible = ExperimentPage.objects.visible_to(network.leader_a if as_member else None)
    assert (
        len(statements(client.get("/fund/")))
        == min(25, Finding.objects.filter(page__in=visible.values("pk")).count())
        > 3
    )
    assert len(experiment_titles(client.get("/forsoeg/"))) == visible.count() > 3
