"""Beyond one machine on Elasticsearch: Wagtail's Elasticsearch 9 backend with the same synonyms
and vectors as the OpenSearch one (opensearch.py's mixins; production.py selects it when
``SEARCH_URL`` is set and ``SEARCH_ENGINE=elasticsearch9``).

Elasticsearch names things its own way: experiments carry a ``dense_vector`` (384 floats,
cosine, indexed for approximate search; no index setting needed), and a best-match search adds
a ``knn`` query (Elasticsearch 8.12 and later accept it inside ``bool``) to the lexical one.
Wagtail wraps both in ``bool.filter`` with the content type and the queryset's filters, so
drafts and members-only pages stay out of the vector path here too.
"""

from __future__ import annotations

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from .opensearch import (
    DIMENSIONS,
    KNN_BOOST,
    KNN_NEIGHBOURS,
    VECTOR_FIELD,
    SynonymSettingsMixin,
    VectorMappingMixin,
    VectorQueryMixin,
)

#: Candidates each shard looks at before the nearest KNN_NEIGHBOURS are kept (Elasticsearch's
#: advice: a few times the number wanted).
KNN_CANDIDATES = 2 * KNN_NEIGHBOURS


def vector_mapping() -> dict:
    return {"type": "dense_vector", "dims": DIMENSIONS, "index": True, "similarity": "cosine"}


def knn_clause(vector) -> dict:
    """Elasticsearch's knn query; its number of hits is the search's size, not a ``k``."""
    return {
        "knn": {
            "field": VECTOR_FIELD,
            "query_vector": [float(x) for x in vector],
            "num_candidates": KNN_CANDIDATES,
            "boost": KNN_BOOST,
        }
    }


class HybridMapping(VectorMappingMixin, Elasticsearch9Mapping):
    """Wagtail's mapping plus a dense_vector for the models in VECTOR_MODELS."""

    vector_mapping = staticmethod(vector_mapping)


class HybridSearchQueryCompiler(VectorQueryMixin, Elasticsearch9SearchQueryCompiler):
    mapping_class = HybridMapping
    knn_clause = staticmethod(knn_clause)


class HybridSearchBackend(SynonymSettingsMixin, Elasticsearch9SearchBackend):
    mapping_class = HybridMapping
    query_compiler_class = HybridSearchQueryCompiler
    knn_setting = False


SearchBackend = HybridSearchBackend
