"""One facet vocabulary: the findings page, the experiments list and the search page offer the
same facets, read them from the address the same way, and never repeat what they did not use."""

import pytest

from knowledge.listings.facets import FACET_PARAMETERS, MAX_CHOSEN, read_selections
from tests.support.pages import experiment_titles, facets, statements

pytestmark = pytest.mark.django_db


def test_every_facet_is_offered_on_all_three_pages(client, findings_network):
    for url in ("/fund/", "/forsoeg/"):
        offered = set(facets(client.get(url)))
        assert offered == set(FACET_PARAMETERS), url
    page = client.get("/soeg/?q=l%C3%A6sning").content.decode()
    for parameter in FACET_PARAMETERS:
        assert f'id="facet-{parameter}"' in page, parameter


def test_what_findings_rest_on_narrows_the_search_page_too(client, findings_network):
    page = client.get("/soeg/?q=&grundlag=test_results").content.decode()
    assert "Matematik udenfor" in page
    assert "Frilæsning i 4.b" not in page and "Læsebånd på Ellekær" not in page


def test_two_values_of_one_facet_widen_the_list_on_every_page(client, findings_network):
    n = findings_network
    one = f"skole={n.school_b.pk}"
    both = f"skole={n.school_b.pk}&skole={n.school_c.pk}"
    assert experiment_titles(client.get(f"/forsoeg/?{one}")) == ["Matematik udenfor"]
    assert set(experiment_titles(client.get(f"/forsoeg/?{both}"))) == {
        "Matematik udenfor",
        "Læsebånd på Ellekær",
    }
    assert set(statements(client.get(f"/fund/?{both}"))) == {
        "Færre elever gik i stå ved målingsopgaver.",
        "Læsebåndet gav ro om morgenen.",
    }
    page = client.get(f"/soeg/?q=&{both}").content.decode()
    assert "Matematik udenfor" in page and "Læsebånd på Ellekær" in page
    assert "Frilæsning i 4.b" not in page


def test_values_are_validated_alike_with_one_message_per_facet(rf):
    selections = read_selections(
        rf.get(
            "/",
            {
                "klassetrin": ["11", "3"],
                "aar": "25",
                "kommune": str(2**63),
                "status": "deleted",
                "fag": "dansk",
            },
        ).GET
    )
    assert selections.chosen == {"klassetrin": [3], "fag": ["dansk"]}
    assert len(selections.errors) == 4  # grade 11, year 25, the huge id and the status
    too_many = read_selections(rf.get("/", {"emne": [f"emne-{i}" for i in range(30)]}).GET)
    assert len(too_many.chosen["emne"]) == MAX_CHOSEN and len(too_many.errors) == 1


@pytest.mark.parametrize("url", ["/fund/", "/forsoeg/", "/soeg/"])
def test_unknown_parameters_are_not_repeated_in_any_link(client, findings_network, url):
    junk = "x" * 20_000
    response = client.get(
        url, {"q": "læsning", "emne": "læsning", "junk": junk, "aar": "not-a-year" * 500}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert junk[:100] not in page and "not-a-year" * 2 not in page
    # The page stays the size of a page, however long the address was.
    assert len(response.content) < 200_000


def test_long_addresses_share_the_cache_entry_of_what_they_mean(client, findings_network):
    from django.core.cache import cache

    client.get("/fund/?emne=l%C3%A6sning")
    keys_before = len(cache._cache)
    for number in range(5):
        client.get(f"/fund/?emne=l%C3%A6sning&junk{number}={'y' * 5000}")
    assert len(cache._cache) == keys_before
