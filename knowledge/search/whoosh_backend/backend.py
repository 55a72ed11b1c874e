"""The backend: index objects per model hierarchy, field boosts, availability, suggestions.

A missing or corrupt index never raises out of a search: a line is logged on the
``knowledge.search`` logger, results are empty and ``results.index_unavailable`` is True
(``backend.is_available(model)`` answers the same question up front).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends.base import BaseSearchBackend, get_model_root

from . import danish
from .bulk_writing import default_processes
from .compiler import WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler
from .facet_columns import facet_memberships
from .indexes import WhooshIndex, WhooshRebuilder
from .results import WhooshSearchResults
from .schema import field_boosts
from .spelling import SpellingVocabulary, suggest_correction
from .storage import IndexUnavailable
from .synonyms import SynonymSource
from .vectors import VectorSource

logger = logging.getLogger("knowledge.search")


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    index_class = WhooshIndex
    results_class = WhooshSearchResults
    rebuilder_class = WhooshRebuilder

    #: A broken search index must not break saving a page; failures are logged instead.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        base_dir = getattr(settings, "BASE_DIR", None) or os.getcwd()
        self.path = Path(params.get("PATH") or Path(base_dir) / "data" / "whoosh_index")
        language = str(params.get("LANGUAGE") or "da")
        if language.lower().replace("_", "-").split("-")[0] != "da":
            raise ImproperlyConfigured(
                f'The Whoosh search backend analyses Danish only: set "LANGUAGE" to "da" or leave it out '
                f"(it is {language!r})."
            )
        self.analyzer = danish.DanishAnalyzer()
        self.synonyms = SynonymSource(params.get("SYNONYMS"), self.analyzer)
        self.vectors = VectorSource(params.get("VECTORS"), params.get("VECTOR_FIELDS"))
        self.index_processes = int(params.get("INDEX_PROCESSES") or default_processes())
        self._indexes = {}
        self._boosts = {}

    def get_index_for_model(self, model):
        root = get_model_root(model)
        index = self._indexes.get(root)
        if index is None:
            index = self._indexes[root] = self.index_class(self, root)
        return index

    def field_boosts(self, root, kind, prefix):
        key = (root, kind)
        if key not in self._boosts:
            self._boosts[key] = field_boosts(root, kind, prefix)
        return self._boosts[key]

    def is_available(self, model) -> bool:
        """Whether the index holding ``model`` can be searched right now."""
        return self.get_index_for_model(model).is_available()

    def facet_memberships(self, model, pks):
        """The stored facet values of the documents with these primary keys
        (``facet_columns.FacetMemberships``), or None if the index cannot tell."""
        try:
            searcher = self.get_index_for_model(model).location.searcher()
            return facet_memberships(searcher, pks)
        except (IndexUnavailable, OSError, ValueError, KeyError) as exc:
            logger.warning("Facet values not read from the index: %s", exc)
            return None

    def suggest(self, query_string: str, model):
        """A corrected query built from the index's own vocabulary ("Mente du: ..."), or None."""
        index = self.get_index_for_model(model)
        try:
            searcher = index.location.searcher()
        except IndexUnavailable as exc:
            logger.warning("No spelling suggestion: %s", exc)
            return None
        compiler = WhooshSearchQueryCompiler(model._default_manager.all(), query_string)
        fields = compiler.target_fields(searcher.reader(), self)
        vocabulary = SpellingVocabulary.load(searcher._ix.storage.folder)
        return suggest_correction(
            searcher.reader(), query_string, [f for f, _ in fields], vocabulary, self.analyzer
        )
