"""Best match on the search page: questions as teachers ask them, synonyms, words that don't count."""

import pytest

from knowledge.search.whoosh_backend import danish
from knowledge.search.whoosh_backend.synonyms import build_table
from tests.support.network import make_experiment
from tests.support.search_helpers import result_titles, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(network, whoosh):
    school = network.school_a
    make_experiment(
        school,
        "Lydbøger, lydbøger og atter lydbøger",
        summary="Lydbøger hele dagen: lydbøger til alle, lydbøger i alle timer.",
    )
    make_experiment(
        school,
        "Lydbøger i frikvarteret",
        summary="Læselysten voksede, da de yngste lyttede til lydbøger i frikvarteret med en makker.",
    )
    make_experiment(
        school, "Fodbold i frikvarteret", summary="Et roligere frikvarter med faste hold."
    )
    make_experiment(
        school, "Mindre fravær i 8. klasse", summary="Fraværet faldt, da vi ringede hjem samme dag."
    )
    make_experiment(
        school, "Pjæk i udskolingen", summary="Pjæk blev mindre med en fast voksen om morgenen."
    )
    make_experiment(
        school,
        "Hvordan kan vi?",
        summary="Hvordan kan vi skabe ro?",
        question="Hvordan kan vi arbejde med ro i klassen?",
    )


def test_a_natural_question_ranks_the_experiment_covering_most_of_its_words_first(
    client, questions
):
    response = search(client, q="hvordan får vi læselyst med lydbøger i frikvarteret")
    titles = result_titles(response)
    assert titles[0] == "Lydbøger i frikvarteret"
    # Any of the words is enough to be found, below the one that has them all.
    assert {"Lydbøger, lydbøger og atter lydbøger", "Fodbold i frikvarteret"} <= set(titles[1:])


def test_a_word_repeated_does_not_beat_the_words_of_the_question(client, questions):
    titles = result_titles(search(client, q="lydbøger i frikvarteret"))
    assert titles.index("Lydbøger i frikvarteret") < titles.index(
        "Lydbøger, lydbøger og atter lydbøger"
    )


def test_the_page_says_when_no_experiment_has_every_word(client, questions):
    response = search(client, q="fodbold lydbøger")
    assert response.context["outcome"].relaxed
    assert "No experiment contains all your words" in response.content.decode()
    assert not search(client, q="lydbøger frikvarteret").context["outcome"].relaxed


def test_a_synonym_finds_the_experiment_with_the_word_it_stands_for(client, questions):
    titles = result_titles(search(client, q="skolevægring"))
    assert set(titles) == {"Mindre fravær i 8. klasse", "Pjæk i udskolingen"}


def test_the_word_typed_ranks_above_its_synonyms(client, questions):
    assert result_titles(search(client, q="pjæk")) == [
        "Pjæk i udskolingen",
        "Mindre fravær i 8. klasse",
    ]
    assert result_titles(search(client, q="fravær")) == [
        "Mindre fravær i 8. klasse",
        "Pjæk i udskolingen",
    ]


def test_question_words_change_nothing(client, questions):
    plain = result_titles(search(client, q="lydbøger frikvarteret"))
    asked = result_titles(search(client, q="hvordan kan vi få lydbøger i frikvarteret"))
    assert asked == plain


def test_stop_words_alone_find_only_what_has_every_one_of_them(client, questions):
    # Not every experiment with "vi" in it: the words are searched as typed, all of them.
    assert result_titles(search(client, q="hvordan kan vi")) == ["Hvordan kan vi?"]


def test_a_typo_in_a_longer_search_still_counts_for_the_words_near_it(client, questions):
    titles = result_titles(search(client, q="lydbøgr frikvarteret"))
    assert titles[0] == "Lydbøger i frikvarteret"


def test_a_one_word_typo_is_corrected_in_the_first_search_and_the_page_says_so(questions):
    from modelsearch.query import PlainText

    from knowledge.models import ExperimentPage

    # The engine itself searches the near misses of a word it does not know: no second try.
    results = ExperimentPage.objects.live().search(PlainText("frikvartret", operator="or"))
    assert {e.title for e in results} == {"Lydbøger i frikvarteret", "Fodbold i frikvarteret"}
    assert results.searched_near_misses
    assert (
        not ExperimentPage.objects.live()
        .search(PlainText("frikvarteret", operator="or"))
        .searched_near_misses
    )


def test_proximity_ranks_the_words_typed_close_together_first(client, network, whoosh):
    school = network.school_a
    make_experiment(
        school,
        "Makkerne hjælper",
        summary="Læsning var på skemaet. Senere på året kom makkerne til, i en anden fløj.",
    )
    make_experiment(
        school,
        "Makkerne hjælper igen",
        summary="Læsning med makkerne var på skemaet. Senere på året kom en anden fløj til.",
    )
    titles = result_titles(search(client, q="læsning makkerne"))
    assert titles[0] == "Makkerne hjælper igen"


def test_a_phrase_is_still_required_in_a_best_match_search(client, questions):
    titles = result_titles(search(client, q='"lydbøger i frikvarteret" læselyst'))
    assert titles == ["Lydbøger i frikvarteret"]


def test_synonym_groups_become_a_table_of_index_terms_in_both_directions():
    table = build_table([["fravær", "pjæk", "ulovligt fravær"]], danish.DanishAnalyzer())
    fravaer, pjaek = danish.full_text_term("fravær"), danish.full_text_term("pjæk")
    assert (pjaek,) in table[fravaer] and (fravaer,) in table[pjaek]
    assert (danish.full_text_term("ulovligt"), fravaer) in table[pjaek]
    assert danish.full_text_term("ulovligt") not in table  # several words only expand a word


def test_the_shipped_synonyms_are_wide_and_have_no_empty_group():
    from knowledge.search.synonyms import synonym_groups

    groups = synonym_groups()
    assert len(groups) >= 60
    assert all(len(group) >= 2 and all(word.strip() for word in group) for group in groups)


@pytest.mark.parametrize(
    "query, title, summary",
    [
        ("skolereform", "Bevægelse hver dag", "Den længere skoledag fik en halv time bevægelse."),
        ("akt", "Ro i 7. klasse", "Vi arbejdede med adfærd, kontakt og trivsel hver uge."),
        ("nyankomne", "En makker i dansk", "Modtageklassen fik en fast makker i hver time."),
        ("lektiefri", "Mere tid om eftermiddagen", "Eleverne i 4. klasse fik ingen lektier."),
        ("fritidspædagog", "Læsning om eftermiddagen", "Fritidshjemmet læste højt for de yngste."),
    ],
)
def test_the_schools_own_words_find_the_experiment_that_says_it_otherwise(
    client, network, whoosh, query, title, summary
):
    make_experiment(network.school_a, title, summary=summary)
    make_experiment(network.school_a, "Fodbold i frikvarteret", summary="Faste hold hver dag.")
    assert result_titles(search(client, q=query)) == [title]


def test_a_synonym_group_added_in_the_admin_counts_from_the_next_search(client, questions):
    from knowledge.models import SynonymGroup

    assert result_titles(search(client, q="boldspil")) == []
    SynonymGroup.objects.create(words="boldspil, fodbold , ,")
    assert result_titles(search(client, q="boldspil")) == ["Fodbold i frikvarteret"]
