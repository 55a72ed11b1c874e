"""Whoosh extras the page uses when the backend has them: "Did you mean", index availability."""

import io
import logging
import os
import shutil
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.search import whoosh_backend
from tests.support.network import PASSWORD, make_experiment
from tests.support.search_corpus import build_corpus
from tests.support.search_helpers import result_titles, search

REBUILDING = "Search is being rebuilt right now"


@pytest.fixture
def corpus(whoosh, network):
    return build_corpus(network)


@pytest.mark.django_db
def test_did_you_mean_offers_a_correction_when_little_is_found(client, corpus):
    response = search(client, q="lydbøgr")
    page = response.content.decode()
    assert "Did you mean:" in page
    assert response.context["outcome"].suggestion == "lydbøger"
    assert 'href="?q=lydb%C3%B8ger"' in page


@pytest.mark.django_db
def test_did_you_mean_never_reveals_words_of_hidden_experiments(client, corpus, network):
    # "kvantefysik" occurs only in a members-only experiment and a draft.
    assert "Did you mean:" not in search(client, q="kvantefysok").content.decode()
    client.login(username=network.teacher_a.username, password=PASSWORD)
    assert search(client, q="kvantefysok").context["outcome"].suggestion == "kvantefysik"


@pytest.mark.django_db
def test_did_you_mean_offers_no_hidden_word_beside_a_word_that_finds_something(client, corpus):
    # "kvantefysik" is hidden; "lydbøger" alone finds a public experiment, so a check of the
    # whole suggested query would pass.
    outcome = search(client, q="kvantefysok lydbøger").context["outcome"]
    assert outcome.suggestion is None or "kvantefysik" not in outcome.suggestion


@pytest.mark.django_db
def test_did_you_mean_offers_no_compound_of_a_draft_whose_parts_are_public(client, corpus, network):
    # The parts "morgen" and "læsning" are public; the compound is written only in a draft.
    make_experiment(network.school_a, "Udkast", live=False, summary="Morgenlæsningen i 3.a.")
    outcome = search(client, q="morgenlæsnigen").context["outcome"]
    assert outcome.suggestion != "morgenlæsningen"


@pytest.mark.django_db
def test_no_correction_when_the_search_finds_enough(client, corpus):
    assert search(client, q="læsning").context["outcome"].suggestion is None


@pytest.mark.django_db
def test_a_missing_index_gives_a_working_page_and_a_log_line_and_rebuilding_restores_it(
    client, corpus, whoosh, caplog
):
    shutil.rmtree(whoosh)
    with caplog.at_level(logging.WARNING, logger="knowledge.search"):
        response = search(client, q="læsning")
    assert response.status_code == 200
    assert REBUILDING in response.content.decode()
    logged = [r.getMessage() for r in caplog.records if r.name == "knowledge.search"]
    assert any("wagtailcore_page" in line and "does not exist" in line for line in logged)
    call_command("update_index", stdout=io.StringIO())
    assert len(result_titles(search(client, q="læsning"))) == 3


@pytest.mark.django_db(transaction=True)
def test_a_corrupt_index_gives_a_working_page_and_rebuilding_restores_it(
    client, corpus, whoosh, caplog
):
    live = Path(os.path.realpath(whoosh / "wagtailcore_page"))
    for path in live.iterdir():
        path.write_bytes(b"\x00garbage\xff" * 10)

    # A fresh worker (thread) opens the index from disk, as after a restart.
    answers = []
    worker = threading.Thread(target=lambda: answers.append(search(client, q="læsning")))
    with caplog.at_level(logging.WARNING, logger="knowledge.search"):
        worker.start()
        worker.join()
    assert answers[0].status_code == 200
    assert REBUILDING in answers[0].content.decode()
    assert any(r.name == "knowledge.search" and r.levelno >= logging.ERROR for r in caplog.records)
    call_command("update_index", stdout=io.StringIO())
    assert len(result_titles(search(client, q="læsning"))) == 3


@pytest.mark.django_db
def test_update_index_builds_beside_the_live_index_and_search_answers_throughout(
    client, corpus, whoosh, monkeypatch
):
    live_before = os.path.realpath(whoosh / "wagtailcore_page")
    expected = sorted(result_titles(search(client, q="læsning")))
    during = []
    add_items = whoosh_backend.WhooshBulkIndex.add_items

    def add_items_and_search(self, model, items):
        add_items(self, model, items)
        if not during:  # halfway: the new generation is partly written, not yet live
            during.append(sorted(result_titles(search(client, q="læsning"))))
            during.append(os.path.realpath(whoosh / "wagtailcore_page"))

    monkeypatch.setattr(whoosh_backend.WhooshBulkIndex, "add_items", add_items_and_search)
    output = io.StringIO()
    call_command("update_index", stdout=output)

    assert during == [expected, live_before]
    assert os.path.realpath(whoosh / "wagtailcore_page") != live_before
    assert sorted(result_titles(search(client, q="læsning"))) == expected
    progress = output.getvalue()
    assert "Rebuilding index wagtailcore_page" in progress
    assert "indexed" in progress and "." in progress


@pytest.mark.django_db
def test_publishing_after_a_rebuild_still_updates_the_index(client, corpus, network):
    call_command("update_index", stdout=io.StringIO())
    make_experiment(network.school_b, "Fuglekasser i sløjd")
    assert result_titles(search(client, q="fuglekasser")) == ["Fuglekasser i sløjd"]


@pytest.mark.django_db
def test_a_typo_that_finds_nothing_still_finds_the_near_misses_and_says_so(client, corpus):
    response = search(client, q="lydbøgr")
    assert result_titles(response) == ["Læsning med lydbøger"]
    assert response.context["outcome"].fuzzy
    assert "so these contain words like them" in response.content.decode()
    # Words as typed that match get no such notice.
    exact = search(client, q="lydbøger")
    assert result_titles(exact) == ["Læsning med lydbøger"]
    assert not exact.context["outcome"].fuzzy
    assert "words like them" not in exact.content.decode()


@pytest.mark.django_db
def test_near_misses_never_include_what_the_visitor_may_not_see(client, corpus, network):
    # "kvantefysik" occurs only in a members-only experiment and a draft.
    response = search(client, q="kvantefysok")
    assert result_titles(response) == []
    assert "No experiments you can see match your search." in response.content.decode()
    client.login(username=network.teacher_a.username, password=PASSWORD)
    assert result_titles(search(client, q="kvantefysok")) == ["Læsning i lukket forum"]


@pytest.mark.django_db
def test_nonsense_finds_nothing_even_with_near_misses(client, corpus):
    response = search(client, q="zyxwvutsr qqqq")
    assert result_titles(response) == []
    assert not response.context["outcome"].fuzzy


@pytest.mark.django_db
def test_a_backend_without_fuzzy_matching_answers_a_typo_with_no_results(client, network, settings):
    # Wagtail's database backends do not implement fuzzy queries: the page must still answer.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database.fallback"}
    }
    build_corpus(network)
    response = search(client, q="lydbøgr")
    assert response.status_code == 200
    assert result_titles(response) == []
    assert not response.context["outcome"].fuzzy
    assert result_titles(search(client, q="lydbøger")) == ["Læsning med lydbøger"]


@pytest.mark.django_db
def test_update_index_reads_in_chunks_that_continue_after_the_last_key(client, corpus, network):
    # Rows are read chunk by chunk without OFFSET (whose cost grows with every chunk read) and
    # none is lost between chunks.
    for number in range(7):
        make_experiment(network.school_b, f"Fuglekasse nummer {number}", findings=("Fugle kom.",))
    with CaptureQueriesContext(connection) as queries:
        call_command("update_index", chunk_size=3, stdout=io.StringIO())
    experiment_reads = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "knowledge_experimentpage"' in q["sql"] and "LIMIT 3" in q["sql"]
    ]
    assert len(experiment_reads) >= 4  # 10 experiments in the corpus and above, 3 at a time
    assert not any("OFFSET" in sql for sql in experiment_reads)
    assert len(result_titles(search(client, q="fuglekasse"))) == 7
