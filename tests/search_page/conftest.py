"""Each test gets an empty search index of its own: pks are reused after a rolled-back test, so
a shared index would let one test's documents leak into the next."""

import copy

import pytest

WHOOSH = "knowledge.search.whoosh_backend"


def _backends(settings, tmp_path, backend=None):
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["PATH"] = tmp_path / "whoosh_index"
    if backend:
        backends["default"]["BACKEND"] = backend
    return backends


@pytest.fixture(autouse=True)
def english_pages(settings):
    """The tests read the English msgids; the Danish translation is tested by the i18n tests."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def fresh_search_index(settings, tmp_path):
    """The backend chosen for the run (PRAKSISNET_TEST_SEARCH_BACKEND), on an empty index."""
    settings.WAGTAILSEARCH_BACKENDS = _backends(settings, tmp_path)
    return tmp_path / "whoosh_index"


@pytest.fixture
def whoosh(settings, tmp_path, fresh_search_index):
    """Force the Whoosh backend: for its extras (spelling, availability, rebuild by swapping)."""
    settings.WAGTAILSEARCH_BACKENDS = _backends(settings, tmp_path, WHOOSH)
    return fresh_search_index
