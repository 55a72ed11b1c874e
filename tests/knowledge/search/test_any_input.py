"""Any query string, page number or filter value gives a page, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.search_corpus import build_corpus
from tests.support.search_helpers import SEARCH_URL

pytestmark = pytest.mark.django_db

SPECIAL = [
    "AND",
    "OR",
    "NOT",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "title:",
    "summary:",
    "*",
    "?",
    "-",
    "+",
    "~",
    "^",
    "\\",
    "/",
    ":",
    "NEAR",
    "læsning",
    "Læs*",
    "ø",
    "\x00",
]
FACET_KEYS = ["kommune", "skole", "fag", "klassetrin", "emne", "status", "aar"]

examples = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

queries = st.one_of(
    st.text(),
    st.lists(st.sampled_from(SPECIAL), max_size=8).map(" ".join),
    st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=5)), max_size=8).map("".join),
)


@pytest.fixture
def corpus(network):
    return build_corpus(network)


def assert_page(response):
    assert response.status_code == 200
    assert b"<h1>" in response.content


@examples
@given(q=queries)
def test_any_query_gives_a_page(client, corpus, q):
    assert_page(client.get(SEARCH_URL, {"q": q}))


@examples
@given(q=queries)
def test_any_query_gives_suggestions_json(client, corpus, q):
    response = client.get("/soeg/forslag/", {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@examples
@given(
    q=st.sampled_from(["læsning", "", "brøker"]),
    side=st.one_of(st.text(max_size=12), st.integers().map(str)),
    sorter=st.text(max_size=10),
    filters=st.dictionaries(
        st.sampled_from(FACET_KEYS), st.lists(st.text(max_size=30), max_size=3)
    ),
)
def test_any_page_number_sort_and_filter_values_give_a_page(
    client, corpus, q, side, sorter, filters
):
    assert_page(client.get(SEARCH_URL, {"q": q, "side": side, "sorter": sorter, **filters}))


@pytest.mark.parametrize(
    "q",
    [
        "x" * 10_240,
        ('læsning OR (brøker AND NOT "morgen ' * 400)[:10_240],
        "title:" * 2000,
        "*" * 10_240,
        '"' * 10_240,
        "æøå " * 2560,
    ],
)
def test_ten_kilobyte_queries_give_a_page_and_are_cut(client, corpus, q):
    response = client.get(SEARCH_URL, {"q": q})
    assert_page(response)
    assert len(response.context["query"]) <= 200
    assert "Your search was shortened" in response.content.decode()
