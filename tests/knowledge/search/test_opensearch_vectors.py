"""OpenSearch and Elasticsearch in production: the same synonyms and vectors as the Whoosh side.
No cluster runs here, so the index settings, the mapping, a document and the query body are
checked."""

import importlib

import pytest
from modelsearch.backends import import_backend
from modelsearch.query import PlainText

from knowledge.models import ExperimentPage
from knowledge.search import elasticsearch, opensearch
from schools.models import SchoolPage
from tests.support.network import make_experiment


def production_backend(monkeypatch, environ):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-test-only")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "praksisnet.example")
    production = importlib.import_module("praksisnet.settings.production")
    config = production.search_backends_from_env(
        {"SEARCH_URL": "http://search.example:9200", **environ}
    )
    config = dict(config["default"])
    for module in (opensearch, elasticsearch):
        monkeypatch.setattr(
            module.HybridMapping,
            "embedder_path",
            "tests.support.concept_embedder.concept_embedder",
        )
    return import_backend(config.pop("BACKEND"))(config)


@pytest.fixture
def backend(monkeypatch):
    return production_backend(monkeypatch, {})


@pytest.fixture
def elastic(monkeypatch):
    return production_backend(monkeypatch, {"SEARCH_ENGINE": "elasticsearch9"})


def test_the_index_has_knn_and_the_shipped_synonyms_at_query_time(backend):
    settings = backend.settings["settings"]
    assert settings["index"]["knn"] is True
    analysis = settings["analysis"]
    synonyms = analysis["filter"]["praksisnet_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert any({"fravær", "pjæk"} <= set(line.split(", ")) for line in synonyms["synonyms"])
    assert "praksisnet_synonyms" in analysis["analyzer"]["default_search"]["filter"]
    assert analysis["analyzer"]["default"] == {"type": "danish"}
    assert "edgengram_analyzer" in analysis["analyzer"]  # Wagtail's autocomplete is kept


def test_experiments_are_mapped_with_a_knn_vector_and_other_pages_without():
    mapping = opensearch.HybridMapping(ExperimentPage).get_mapping()["properties"]
    assert mapping[opensearch.VECTOR_FIELD] == {
        "type": "knn_vector",
        "dimension": 384,
        "method": {"name": "hnsw", "space_type": "cosinesimil", "engine": "lucene"},
    }
    assert (
        opensearch.VECTOR_FIELD
        not in opensearch.HybridMapping(SchoolPage).get_mapping()["properties"]
    )


@pytest.mark.django_db
def test_an_experiment_document_carries_its_vector(backend, network):
    experiment = make_experiment(network.school_a, "Brøkregning med pizza")
    doc = opensearch.HybridMapping(ExperimentPage).get_document(experiment)
    vector = doc[opensearch.VECTOR_FIELD]
    assert len(vector) == 384 and vector[1] > 0  # the "parts of a whole" concept


@pytest.mark.django_db
def test_a_best_match_search_sends_a_knn_clause_inside_the_visibility_filters(backend):
    visible = ExperimentPage.objects.live().filter(members_only=False)
    compiler = backend.query_compiler_class(visible, PlainText("kageopskrifter", operator="or"))
    body = compiler.get_query()
    should = body["bool"]["must"]["bool"]["should"]
    assert should[0]["multi_match"]["query"] == "kageopskrifter"
    knn = should[1]["knn"][opensearch.VECTOR_FIELD]
    assert len(knn["vector"]) == 384 and knn["k"] == opensearch.KNN_NEIGHBOURS
    filters = str(body["bool"]["filter"])
    assert "live_filter" in filters and "members_only_filter" in filters

    # A search for every word stays lexical.
    every_word = backend.query_compiler_class(visible, PlainText("kager", operator="and"))
    assert "knn" not in str(every_word.get_query())


def test_elasticsearch_has_the_shipped_synonyms_at_query_time_and_no_opensearch_setting(elastic):
    assert isinstance(elastic, elasticsearch.HybridSearchBackend)
    settings = elastic.settings["settings"]
    assert "knn" not in settings.get("index", {})  # an OpenSearch setting Elasticsearch refuses
    synonyms = settings["analysis"]["filter"]["praksisnet_synonyms"]["synonyms"]
    assert any({"fravær", "pjæk"} <= set(line.split(", ")) for line in synonyms)
    assert "praksisnet_synonyms" in settings["analysis"]["analyzer"]["default_search"]["filter"]


def test_elasticsearch_maps_experiments_with_a_dense_vector_and_other_pages_without():
    mapping = elasticsearch.HybridMapping(ExperimentPage).get_mapping()["properties"]
    assert mapping[opensearch.VECTOR_FIELD] == {
        "type": "dense_vector",
        "dims": 384,
        "index": True,
        "similarity": "cosine",
    }
    assert (
        opensearch.VECTOR_FIELD
        not in elasticsearch.HybridMapping(SchoolPage).get_mapping()["properties"]
    )


@pytest.mark.django_db
def test_an_elasticsearch_document_carries_its_vector(elastic, network):
    experiment = make_experiment(network.school_a, "Brøkregning med pizza")
    doc = elasticsearch.HybridMapping(ExperimentPage).get_document(experiment)
    vector = doc[opensearch.VECTOR_FIELD]
    assert len(vector) == 384 and vector[1] > 0  # the "parts of a whole" concept


@pytest.mark.django_db
def test_an_elasticsearch_best_match_sends_a_knn_query_inside_the_visibility_filters(elastic):
    visible = ExperimentPage.objects.live().filter(members_only=False)
    compiler = elastic.query_compiler_class(visible, PlainText("kageopskrifter", operator="or"))
    body = compiler.get_query()
    should = body["bool"]["must"]["bool"]["should"]
    assert should[0]["multi_match"]["query"] == "kageopskrifter"
    knn = should[1]["knn"]
    assert knn["field"] == opensearch.VECTOR_FIELD and len(knn["query_vector"]) == 384
    assert knn["num_candidates"] >= opensearch.KNN_NEIGHBOURS and "k" not in knn
    filters = str(body["bool"]["filter"])
    assert "live_filter" in filters and "members_only_filter" in filters

    every_word = elastic.query_compiler_class(visible, PlainText("kager", operator="and"))
    assert "knn" not in str(every_word.get_query())
