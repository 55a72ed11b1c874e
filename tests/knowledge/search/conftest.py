"""Fixtures for the search page tests. Every test already searches an empty index of its own
(tests/conftest.py: search_index_per_test)."""

import copy

import pytest

from tests.support.english import english  # noqa: F401  (autouse: pages are read in English)

WHOOSH = "knowledge.search.whoosh_backend"


@pytest.fixture
def whoosh(settings, search_index_per_test):
    """Force the Whoosh backend: for its extras (spelling, availability, rebuild by swapping)."""
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["BACKEND"] = WHOOSH
    settings.WAGTAILSEARCH_BACKENDS = backends
    return search_index_per_test
