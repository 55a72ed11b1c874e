"""The count the search page shows beside a facet value is what clicking that value then lists.

Read as a visitor reads it: the facet links and counts in the page's HTML, then the number of
results on the page each link opens. With a municipality chosen, every other facet (school,
subject, grade, tag, status, year) has to count within that municipality.
"""

import datetime
import re
from html import unescape

import pytest

from tests.support.network import make_experiment, make_school
from tests.support.pages import FACET_VALUE
from tests.support.search_helpers import result_titles

pytestmark = pytest.mark.django_db

SEARCH = "/soeg/"
FACET = re.compile(r'<section class="facet" data-facet="([^"]+)"[^>]*>(.*?)</section>', re.S)
RESULT_COUNT = re.compile(r'class="result-count">(\d+) ')


def facet_links(html):
    """[(parameter, label, count, url, selected)] for every value in the filter column."""
    return [
        (parameter, unescape(label).strip(), int(count), SEARCH + unescape(url), bool(selected))
        for parameter, body in FACET.findall(html)
        for url, selected, _value, label, count in FACET_VALUE.findall(body)
    ]


def results_on(response):
    assert response.status_code == 200
    html = response.content.decode()
    total = int(RESULT_COUNT.search(html).group(1))
    # Fewer results than one page holds: the heading's number is also the list's length.
    assert len(result_titles(response)) == total
    return total


@pytest.fixture
def spread(network):
    """Experiments in both municipalities that share subjects, tags, grades, statuses and years,
    so that a count ignoring the chosen municipality would be too high for each of them."""
    n = network
    n.school_c = make_school(n.municipality_a, "Ellekærskolen", city="Vanløse")
    rows = [
        # school, title, tags, subjects, grades, status, start year, members only
        (n.school_a, "Frilæsning i 4.b", ["læsning"], ("Dansk",), (4,), "completed", 2025, False),
        (
            n.school_a,
            "Brøker i skolegården",
            ["udeskole"],
            ("Matematik",),
            (5,),
            "in_progress",
            2026,
            False,
        ),
        (
            n.school_c,
            "Læsebånd på Ellekær",
            ["læsning", "ro"],
            ("Dansk",),
            (3, 4),
            "in_progress",
            2026,
            False,
        ),
        (
            n.school_c,
            "Læsning for medlemmer",
            ["læsning"],
            ("Dansk",),
            (4,),
            "completed",
            2025,
            True,
        ),
        (
            n.school_b,
            "Læsemakkere i Odense",
            ["læsning"],
            ("Dansk",),
            (4,),
            "completed",
            2025,
            False,
        ),
        (
            n.school_b,
            "Matematik udenfor",
            ["udeskole"],
            ("Matematik", "Idræt"),
            (5, 6),
            "completed",
            2026,
            False,
        ),
        (
            n.school_b,
            "Højtlæsning i indskolingen",
            ["læsning", "ro"],
            ("Dansk",),
            (1,),
            "planned",
            2024,
            False,
        ),
    ]
    for school, title, tags, subjects, grades, status, year, members_only in rows:
        make_experiment(
            school,
            title,
            tags=tags,
            subjects=subjects,
            grades=grades,
            status=status,
            start_date=datetime.date(year, 3, 1),
            members_only=members_only,
        )
    return n


@pytest.mark.parametrize("member", [False, True], ids=["anonymous", "member"])
@pytest.mark.parametrize("query", ["", "læsning"], ids=["browsing", "searching"])
def test_with_a_municipality_chosen_every_other_count_is_what_its_link_lists(
    client, spread, member, query
):
    if member:
        client.force_login(spread.teacher_b)
    aarhus = spread.municipality_a.pk
    params = {"kommune": aarhus, **({"q": query} if query else {})}
    response = client.get(SEARCH, params)
    chosen_total = results_on(response)
    shown = facet_links(response.content.decode())
    assert [(p, label) for p, label, _c, _u, selected in shown if selected] == [
        ("kommune", "Aarhus Kommune")
    ]
    others = [(p, label, count, url) for p, label, count, url, selected in shown if p != "kommune"]
    assert {p for p, *_rest in others} == {
        "skole",
        "fag",
        "klassetrin",
        "emne",
        "status",
        "aar",
        "grundlag",
        "evidens",
    }

    for parameter, label, count, url in others:
        assert f"kommune={aarhus}" in url, (parameter, label)
        assert results_on(client.get(url)) == count, (parameter, label, url)
        # Adding a value can only narrow what the municipality alone gives.
        assert count <= chosen_total, (parameter, label)

    # The network is spread so the municipality matters: without it, some value counts more.
    # (Browsing needs one filter to show facets: every status is the same as none.)
    everything = {"q": query} if query else {"status": ["planned", "in_progress", "completed"]}
    everywhere = {
        (p, label): count
        for p, label, count, _u, _s in facet_links(client.get(SEARCH, everything).content.decode())
    }
    assert any(everywhere.get((p, label), 0) > count for p, label, count, _u in others)


def test_a_school_in_another_municipality_is_not_offered_once_a_municipality_is_chosen(
    client, spread
):
    response = client.get(SEARCH, {"kommune": spread.municipality_a.pk})
    schools = {
        label: count
        for p, label, count, _u, _s in facet_links(response.content.decode())
        if p == "skole"
    }
    assert schools == {"Skjoldhøjskolen": 2, "Ellekærskolen": 1}
