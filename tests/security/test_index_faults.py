"""Search with a damaged index: a segment cut short or overwritten inside, or the index gone.
The page answers with its clear "being rebuilt" notice (never a 500, never a dead process),
the log says what is wrong and what to run, and the next update_index repairs it with no stale
document left (knowledge/search/whoosh_backend/checksums.py)."""

import io
import logging
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from knowledge.models import ExperimentPage
from knowledge.search.whoosh_backend.storage import IndexLocation
from tests.support.search_corpus import build_corpus
from tests.support.search_helpers import result_titles, search

REBUILDING = "Search is being rebuilt right now"
WHOOSH = "knowledge.search.whoosh_backend"


@pytest.fixture
def whoosh_corpus(settings, search_index_per_test, network):
    import copy

    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["BACKEND"] = WHOOSH
    settings.WAGTAILSEARCH_BACKENDS = backends
    return build_corpus(network), search_index_per_test


def largest_segment(index_root):
    live = Path(os.path.realpath(index_root / "wagtailcore_page"))
    segments = [p for p in live.iterdir() if p.suffix == ".seg"]
    return max(segments, key=lambda p: p.stat().st_size)


def answers_with_the_notice(client, caplog):
    with caplog.at_level(logging.WARNING, logger="knowledge.search"):
        response = search(client, q="læsning")
    assert response.status_code == 200
    assert REBUILDING in response.content.decode()
    logged = " ".join(r.getMessage() for r in caplog.records if r.name == "knowledge.search")
    assert "update_index" in logged
    return logged


def repaired_without_stale_documents(client, corpus):
    # A title changed while the index was damaged: after the rebuild only the new one matches.
    page = ExperimentPage.objects.get(pk=corpus.reading_b.pk)
    page.title = "Morgenbånd med bøger"
    page.save_revision().publish()
    call_command("update_index", stdout=io.StringIO())
    assert result_titles(search(client, q="morgenbånd")) == ["Morgenbånd med bøger"]
    assert result_titles(search(client, q="hver morgen læsebånd")) != ["Læsebånd hver morgen"]
    assert len(result_titles(search(client, q="læsning"))) == 3


@pytest.mark.django_db
def test_a_segment_cut_short_under_a_running_searcher_gives_the_notice(
    client, whoosh_corpus, caplog
):
    corpus, index_root = whoosh_corpus
    assert len(result_titles(search(client, q="læsning"))) == 3  # a searcher is open
    segment = largest_segment(index_root)
    with open(segment, "r+b") as fh:
        fh.truncate(segment.stat().st_size // 2)
    logged = answers_with_the_notice(client, caplog)
    assert segment.name in logged
    repaired_without_stale_documents(client, corpus)


@pytest.mark.django_db
def test_four_kilobytes_overwritten_inside_a_segment_are_found_on_opening(
    client, whoosh_corpus, caplog
):
    corpus, index_root = whoosh_corpus
    segment = largest_segment(index_root)
    stat = segment.stat()
    with open(segment, "r+b") as fh:
        fh.seek(min(64, stat.st_size // 4))
        fh.write(os.urandom(min(4096, stat.st_size // 2)))
    os.utime(segment, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as a disk fault leaves it
    IndexLocation._indexes.clear()  # a worker started after the damage opens it afresh
    logged = answers_with_the_notice(client, caplog)
    assert "checksum" in logged
    repaired_without_stale_documents(client, corpus)


@pytest.mark.django_db
def test_a_missing_index_folder_gives_the_notice_and_is_rebuilt(client, whoosh_corpus, caplog):
    corpus, index_root = whoosh_corpus
    shutil.rmtree(index_root)
    answers_with_the_notice(client, caplog)
    repaired_without_stale_documents(client, corpus)


@pytest.mark.django_db(transaction=True)
def test_update_index_killed_mid_rebuild_leaves_search_answering_and_the_next_rebuild_clean(
    client, whoosh_corpus
):
    import time

    from tests.support.publisher_process import start_slow_rebuild

    corpus, index_root = whoosh_corpus
    marker = index_root / "wagtailcore_page.rebuilding"
    child = start_slow_rebuild()
    deadline = time.monotonic() + 120
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.exists(), "the rebuild did not start"
    time.sleep(1)
    page = ExperimentPage.objects.get(pk=corpus.reading_a.pk)
    page.title = "Lydbøger i par"
    page.save_revision().publish()  # written to the live index and journalled
    child.kill()  # SIGKILL, mid-rebuild
    child.join(timeout=30)
    assert result_titles(search(client, q="lydbøger")) == ["Lydbøger i par"]
    assert len(result_titles(search(client, q="læsning"))) == 3

    call_command("update_index", stdout=io.StringIO())
    assert not marker.exists()
    assert result_titles(search(client, q="lydbøger")) == ["Lydbøger i par"]
    assert result_titles(search(client, q="med lydbøger læsning")).count("Lydbøger i par") == 1
    generations = [p for p in index_root.glob("wagtailcore_page.*") if p.is_dir()]
    assert len(generations) <= 3  # live, the one before it, and at most the killed one's
