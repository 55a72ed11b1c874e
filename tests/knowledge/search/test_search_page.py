"""The search page at /soeg/: results, snippets, facets, sorting, paging and the empty states."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from knowledge.models import PraksisImage
from tests.support.network import PASSWORD, make_experiment
from tests.support.search_corpus import build_corpus
from tests.support.search_helpers import SEARCH_URL, facet, result_titles, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(network):
    return build_corpus(network)


def facet_value(response, key, label):
    for f in response.context["outcome"].facets:
        if f.parameter == key:
            for value in f.values:
                if str(value.label) == label:
                    return value
    raise AssertionError(f"{label!r} not in facet {key}")


def test_results_show_count_titles_and_only_what_anonymous_visitors_may_see(client, corpus):
    response = search(client, q="læsning")
    assert response.status_code == 200
    assert sorted(result_titles(response)) == [
        "Brøker i bevægelse",
        "Læsebånd hver morgen",
        "Læsning med lydbøger",
    ]
    assert "3 experiments found for “læsning”" in response.content.decode()
    assert "lukket forum" not in response.content.decode()
    assert "Kladde" not in response.content.decode()


def test_members_see_members_only_experiments_but_never_drafts(client, corpus, network):
    client.login(username=network.teacher_b.username, password=PASSWORD)
    titles = result_titles(search(client, q="læsning"))
    assert "Læsning i lukket forum" in titles
    assert "Kladde om læsning" not in titles
    assert len(titles) == 4


def test_snippets_mark_the_query_and_escape_the_text(client, corpus):
    page = search(client, q="lydbøger").content.decode()
    assert "<mark>lydbøger</mark>" in page
    assert "&lt;b&gt;sammen&lt;/b&gt; &amp; talte" in page
    assert "<b>sammen</b>" not in page


def test_facet_counts_leave_out_what_the_visitor_may_not_see(client, corpus):
    response = search(client, q="læsning")
    assert facet(response, "kommune") == {"Aarhus Kommune": 2, "Odense Kommune": 1}
    assert facet(response, "skole") == {"Skjoldhøjskolen": 2, "Rosengårdskolen": 1}
    assert facet(response, "fag") == {"Dansk": 2, "Matematik": 1}
    assert facet(response, "status") == {"Completed": 2, "In progress": 1}
    assert facet(response, "aar") == {"2025": 2, "2024": 1}
    assert facet(response, "emne") == {"læsning": 2, "bevægelse": 1}
    assert facet(response, "klassetrin") == {"grade 2": 1, "grade 4": 1, "grade 5": 1}


def test_facets_combine_and_each_counts_with_the_other_filters(client, corpus, network):
    dansk = facet_value(search(client, q="læsning"), "fag", "Dansk")
    response = client.get(SEARCH_URL + dansk.url)
    assert sorted(result_titles(response)) == ["Læsebånd hver morgen", "Læsning med lydbøger"]
    # The subject facet still offers Matematik (its own filter is left out of its counts) ...
    assert facet(response, "fag") == {"Dansk": 2, "Matematik": 1}
    # ... while the other facets count within Dansk only.
    assert facet(response, "kommune") == {"Aarhus Kommune": 1, "Odense Kommune": 1}
    aarhus = facet_value(response, "kommune", "Aarhus Kommune")
    response = client.get(SEARCH_URL + aarhus.url)
    assert result_titles(response) == ["Læsning med lydbøger"]
    assert f"kommune={network.municipality_a.pk}" in aarhus.url and "fag=dansk" in aarhus.url
    # Two values of one facet are alternatives.
    both = client.get(SEARCH_URL, {"q": "læsning", "fag": ["dansk", "matematik"]})
    assert len(result_titles(both)) == 3
    # Choosing a selected value again removes it.
    selected = facet_value(response, "kommune", "Aarhus Kommune")
    assert selected.selected and "kommune" not in selected.url


def test_facets_alone_browse_without_a_query(client, corpus):
    response = search(client, status="completed")
    assert result_titles(response) == ["Læsebånd hver morgen", "Læsning med lydbøger"]


def test_sort_by_newest_or_by_relevance(client, corpus):
    newest = result_titles(search(client, q="læsning", sorter="nyeste"))
    assert newest == ["Læsebånd hver morgen", "Brøker i bevægelse", "Læsning med lydbøger"]
    by_relevance = result_titles(search(client, q="læsning"))
    # Relevance: an experiment with the word in its title beats one with it only in the summary.
    assert by_relevance.index("Brøker i bevægelse") == 2


def test_pagination_keeps_the_search_and_bad_page_numbers_give_a_page(client, network):
    for number in range(23):
        make_experiment(
            network.school_a,
            f"Klassemøde nummer {number}",
            findings=(),
            summary="Klassemøde om trivsel.",
        )
    first = search(client, q="klassemøde", status="planned")
    assert len(result_titles(first)) == 20
    next_url = first.context["next_url"]
    assert "q=klassem%C3%B8de" in next_url and "status=planned" in next_url and "side=2" in next_url
    second = client.get(SEARCH_URL + next_url)
    assert len(result_titles(second)) == 3
    for bad in ["abc", "-1", "0", "999", "1e9", "٣"]:
        response = search(client, q="klassemøde", side=bad)
        assert response.status_code == 200
        assert result_titles(response)
        assert "That results page does not exist" in response.content.decode()


def test_long_queries_are_cut_with_a_message(client, corpus):
    response = search(client, q="læsning " + "x" * 400)
    assert response.status_code == 200
    assert len(response.context["query"]) == 200
    assert "Your search was shortened to the first 200 characters." in response.content.decode()


def test_empty_search_shows_a_helpful_start(client, corpus):
    page = search(client).content.decode()
    assert "What are you looking for?" in page
    assert 'class="results"' not in page


def test_no_results_say_so_and_suggest_what_to_do(client, corpus):
    page = search(client, q="zyxwvutsr", fag="dansk").content.decode()
    assert "No experiments you can see match your search." in page
    assert "Remove the filters" in page


def test_a_query_without_words_gets_a_message(client, corpus):
    page = search(client, q='* ( ) " :').content.decode()
    assert "Your search has no words to look for." in page


def test_unrecognised_filters_and_sort_orders_are_ignored_with_a_message(client, corpus):
    response = client.get(
        SEARCH_URL,
        {
            "q": "læsning",
            "kommune": "abc",
            "fag": "<script>",
            "status": "deleted",
            "sorter": "random",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert len(result_titles(response)) == 3
    # One message per filter the address got wrong, as on the findings and experiments lists.
    assert page.count("(this filter was ignored)") == 3
    for label in ("Municipality:", "Subject:", "Status:"):
        assert label in page
    assert "Unknown sort order; showing the best matches first." in page
    assert "<script>" not in page.split("<main")[1]


def test_unknown_but_well_formed_filter_values_match_nothing_and_can_be_removed(client, corpus):
    response = search(client, q="læsning", fag="fysik")
    assert result_titles(response) == []
    chosen = facet_value(response, "fag", "fysik")
    assert chosen.selected and chosen.count == 0 and "fag" not in chosen.url


def test_the_number_of_queries_does_not_grow_with_the_results(client, network):
    def queries_for_search():
        client.get(SEARCH_URL, {"q": "trivsel"})  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(SEARCH_URL, {"q": "trivsel", "fag": "dansk"})
        assert response.status_code == 200
        return len(captured), len(result_titles(response))

    make_experiment(network.school_a, "Trivsel i frikvarteret", tags=["trivsel"], findings=("Ro.",))
    small_queries, small_results = queries_for_search()
    for number in range(6):
        school = network.school_a if number % 2 else network.school_b
        make_experiment(
            school,
            f"Trivsel og fællesskab {number}",
            tags=["trivsel", f"emne{number}"],
            grades=(number + 1,),
            findings=("Ro.", "Glæde."),
        )
    big_queries, big_results = queries_for_search()
    assert (small_results, big_results) == (1, 7), result_titles(
        client.get(SEARCH_URL, {"q": "trivsel", "fag": "dansk"})
    )
    assert big_queries == small_queries


def test_autocomplete_suggests_visible_titles_as_json(client, corpus, network):
    data = client.get("/soeg/forslag/", {"q": "Læs"}).json()
    titles = [item["title"] for item in data["suggestions"]]
    assert "Læsebånd hver morgen" in titles and "Læsning med lydbøger" in titles
    assert "Læsning i lukket forum" not in titles and "Kladde om læsning" not in titles
    assert all(item["url"].startswith("/") for item in data["suggestions"])
    client.login(username=network.teacher_a.username, password=PASSWORD)
    titles = [
        item["title"] for item in client.get("/soeg/forslag/", {"q": "Læs"}).json()["suggestions"]
    ]
    assert "Læsning i lukket forum" in titles


@pytest.mark.parametrize("text", ["", "l", "\x00\x00", '"((', "title:", "*" * 5000])
def test_autocomplete_answers_any_input(client, corpus, text):
    response = client.get("/soeg/forslag/", {"q": text})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_the_page_works_without_javascript_and_loads_the_enhancement(client, corpus):
    page = search(client, q="læsning").content.decode()
    assert '<form class="search-form" role="search" method="get" action="/soeg/">' in page
    assert 'data-suggest-url="/soeg/forslag/"' in page
    assert "js/search.js" in page


def test_each_suggestion_names_its_school_so_equal_titles_can_be_told_apart(client, network):
    make_experiment(network.school_a, "Stafetmatematik", findings=())
    make_experiment(network.school_b, "Stafetmatematik", findings=())
    make_experiment(
        network.school_b, "Stafetmatematik for medlemmer", members_only=True, findings=()
    )
    suggestions = client.get("/soeg/forslag/", {"q": "Stafet"}).json()["suggestions"]
    assert sorted((item["title"], item["school"]) for item in suggestions) == [
        ("Stafetmatematik", "Rosengårdskolen"),
        ("Stafetmatematik", "Skjoldhøjskolen"),
    ]
    assert len({item["url"] for item in suggestions}) == 2


def test_suggestions_cost_the_same_queries_however_many_schools_they_name(client, network):
    def queries():
        client.get("/soeg/forslag/", {"q": "Stafet"})  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            client.get("/soeg/forslag/", {"q": "Stafet"})
        return len(captured)

    make_experiment(network.school_a, "Stafetmatematik", findings=())
    few = queries()
    for number in range(5):
        make_experiment(
            network.school_b if number % 2 else network.school_a, f"Stafetløb {number}", findings=()
        )
    assert queries() == few


def a_picture(title):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), "#2f77ad").save(buffer, "PNG")
    return PraksisImage.objects.create(
        title=title, description=title, file=ImageFile(buffer, name="billede.png")
    )


def test_results_are_cards_with_school_subjects_tags_and_picture(client, network):
    make_experiment(
        network.school_a,
        "Trivsel med legegrupper",
        tags=["trivsel", "frikvarter"],
        subjects=("Dansk", "Idræt"),
        picture=a_picture("Legegrupper"),
    )
    html = search(client, q="trivsel").content.decode()
    assert "{#" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert "One experiment in a listing" not in soup.get_text()  # the template's own comment
    card = soup.select_one("li.result article.card")
    assert card.select_one(".card__title a").get_text() == "Trivsel med legegrupper"
    assert "Skjoldhøjskolen" in card.select_one(".card__meta").get_text()
    assert [s.get_text() for s in card.select(".subject")] == ["Dansk", "Idræt"]
    assert sorted(a.get_text() for a in card.select(".tags a")) == ["frikvarter", "trivsel"]
    picture = card.select_one("img.card__picture")
    assert picture["alt"] == "" and picture["src"].endswith(".png")


def test_result_pictures_cost_no_query_per_card(client, network):
    def queries():
        client.get(SEARCH_URL, {"q": "trivsel"})  # renditions are made on the first view
        with CaptureQueriesContext(connection) as captured:
            response = client.get(SEARCH_URL, {"q": "trivsel"})
        return len(captured), len(result_titles(response))

    make_experiment(network.school_a, "Trivsel 0", tags=["trivsel"], picture=a_picture("0"))
    small = queries()
    for number in range(1, 6):
        make_experiment(
            network.school_b, f"Trivsel {number}", tags=["trivsel"], picture=a_picture(str(number))
        )
    big = queries()
    assert (small[1], big[1]) == (1, 6)
    assert big[0] == small[0]
