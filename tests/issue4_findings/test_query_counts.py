"""The findings page, the experiments list and their exports run the same number of queries
whatever the size of the network. Measured cold: the cache is emptied first, so the cached
listings (knowledge.cache) are built from the database."""

import datetime
import io

import openpyxl
import pytest
from django.core.cache import cache

from tests.network import make_experiment
from tests.queries import cold_queries

from .pages import experiment_titles, statements

pytestmark = pytest.mark.django_db

URLS = [
    "/fund/",
    "/fund/?emne=l%C3%A6sning&aar=2026",
    "/forsoeg/",
    "/forsoeg/?fag=dansk&grundlag=observations",
    "/fund/eksport.xlsx?fag=dansk",
    "/forsoeg/eksport.csv",
]


def grow(network, count, offset):
    schools = [network.school_a, network.school_b]
    for number in range(offset, offset + count):
        make_experiment(
            schools[number % 2], f"Forsøg nummer {number}", team=None,
            tags=["læsning", f"emne-{number}"], subjects=("Dansk", f"Fag {number}"),
            grades=(number % 10,), start_date=datetime.date(2025 + number % 2, 1, 1),
            members_only=number % 3 == 0,
            findings=(f"Fund {number} a", f"Fund {number} b"),
        )


def rows_in(response):
    if response["Content-Type"].startswith("application/vnd.openxml"):
        return openpyxl.load_workbook(io.BytesIO(response.content)).active.max_row - 1
    content = response.content.decode("utf-8-sig")
    return content.count('class="statement"') + content.count('class="experiment"') + (
        content.count("\n") - 1 if response["Content-Type"].startswith("text/csv") else 0
    )


@pytest.mark.parametrize("as_member", [False, True])
def test_constant_number_of_queries_at_two_sizes(client, network, django_assert_num_queries, as_member):
    if as_member:
        client.force_login(network.leader_a)
    grow(network, 3, 0)
    small = {}
    for url in URLS:
        small[url], response = cold_queries(client, url)
        assert rows_in(response) > 0, f"{url} must list something for the count to mean anything"
    grow(network, 12, 3)
    for url in URLS:
        cache.clear()
        with django_assert_num_queries(small[url]):
            response = client.get(url)
        assert response.status_code == 200
    # The larger network really does show more rows.
    assert len(statements(client.get("/fund/"))) == (25 if as_member else 20)
    assert len(experiment_titles(client.get("/forsoeg/"))) == (15 if as_member else 10)
