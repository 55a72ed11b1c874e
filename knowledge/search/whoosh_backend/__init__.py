"""A Whoosh search backend for Wagtail's search layer (the ``modelsearch`` package).

Configure it with::

    MODELSEARCH_BACKENDS / WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "knowledge.search.whoosh_backend",
            "PATH": BASE_DIR / "data" / "whoosh_index",   # optional, this is the default
            "LANGUAGE": "da",                              # optional; Danish is the only analysis
            "INDEX_PROCESSES": 2,                          # optional, rebuild workers; default: CPUs, max 4
            "SYNONYMS": "myproject.search.synonym_groups",  # optional, a callable: [[word, ...], ...]
            "VECTORS": "myproject.search.embedder",         # optional, a callable: an embedder or None
            "VECTOR_FIELDS": ["title", "summary"],          # optional, the fields embedded
        }
    }

The engine imports nothing from the project (tests/search/test_engine_boundary.py). One job a
module, as modelsearch splits its own backends:

* ``backend.py``: the backend (index per model hierarchy, availability, spelling suggestions).
* ``indexes.py``: writes to the live index, the bulk index of a rebuild, the rebuilder.
* ``compiler.py``: the modelsearch query tree compiled into ``whoosh.query`` objects.
* ``results.py``: runs the query lazily; the ORM filters, orders and fetches.
* ``postings.py``: posting lists read a block at a time from Whoosh internals, and kept.
* ``array_scoring.py``: a query's matches in a segment scored with arrays, as Whoosh scores them.
* ``segment_scores.py``: every match's score kept per segment from one searcher to the next.
* ``coverage.py``: best match, any word counts and covering more of them ranks higher.
* ``synonyms.py``: the configured synonym groups as index terms, used at query time.
* ``vectors.py``: documents' dense vectors beside the index, and the embedder that makes them.
* ``hybrid.py``: a best-match search's BM25F score blended with the query's cosine.
* ``documents.py``: a model instance as a Whoosh document.
* ``schema.py``: the schema, field names and boosts, filters indexed as terms.
* ``storage.py``: generations on disk, the writer lock, the rebuild journal, cached readers.
* ``danish.py``, ``spelling.py``, ``positions.py``, ``bulk_writing.py``: Danish analysis,
  "Mente du", the one-pass postings format, and the writers of a full rebuild.
"""

from .backend import WhooshSearchBackend

# Reached through the package path by the tests.
from .indexes import WhooshBulkIndex
from .storage import IndexLocation

__all__ = ["IndexLocation", "SearchBackend", "WhooshBulkIndex", "WhooshSearchBackend"]

SearchBackend = WhooshSearchBackend
