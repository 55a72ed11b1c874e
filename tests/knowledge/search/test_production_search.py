"""Production settings: SEARCH_URL switches to Wagtail's OpenSearch/Elasticsearch backend with a
Danish analyzer; without it the site searches its Whoosh index."""

import importlib
import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import import_backend


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-test-only")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "praksisnet.example")
    monkeypatch.delenv("SEARCH_URL", raising=False)
    return importlib.import_module("praksisnet.settings.production")


def test_without_search_url_production_searches_the_whoosh_index(production):
    backends = production.search_backends_from_env({})
    assert backends["default"]["BACKEND"] == "knowledge.search.whoosh_backend"


def test_search_url_switches_to_opensearch_with_a_danish_analyzer(production):
    backends = production.search_backends_from_env(
        {"SEARCH_URL": "https://praksis:hemmelig@search.example:9200", "SEARCH_INDEX_PREFIX": "pn_"}
    )
    config = backends["default"]
    assert config["BACKEND"] == "knowledge.search.opensearch"  # Wagtail's, with vectors

    # Wagtail builds the backend from these settings (the client connects lazily).
    params = {key: value for key, value in config.items() if key != "BACKEND"}
    backend = import_backend(config["BACKEND"])(params)
    analysis = backend.settings["settings"]["analysis"]["analyzer"]
    assert analysis["default"] == {"type": "danish"}
    assert "edgengram_analyzer" in analysis  # Wagtail's own autocomplete analyzers are kept
    host = backend.hosts[0]
    assert (host["host"], host["port"], host["use_ssl"]) == ("search.example", 9200, True)
    assert host["http_auth"] == ("praksis", "hemmelig")
    assert backend.index_prefix == "pn_"


@pytest.mark.parametrize(
    "engine", ["opensearch3", "opensearch2", "elasticsearch9", "elasticsearch8", "elasticsearch7"]
)
def test_every_accepted_engine_is_a_wagtail_search_backend(production, engine):
    backends = production.search_backends_from_env(
        {"SEARCH_URL": "http://s:9200", "SEARCH_ENGINE": engine}
    )
    assert importlib.util.find_spec(backends["default"]["BACKEND"]) is not None


def test_an_unknown_engine_is_refused_with_a_clear_message(production):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_ENGINE='solr' is not one of"):
        production.search_backends_from_env(
            {"SEARCH_URL": "http://s:9200", "SEARCH_ENGINE": "solr"}
        )
