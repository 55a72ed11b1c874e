"""Beyond one machine: Wagtail's OpenSearch backend with the same synonyms and the same vectors.

The mixins here (vector mapping and document, the vector clause of a best-match search, the
synonym settings) are shared with the Elasticsearch backend (elasticsearch.py), which differs
only in how its engine names a vector field and a nearest-neighbour query.

A thin subclass of ``wagtail.search.backends.opensearch3`` (production.py selects it when
``SEARCH_URL`` is set and ``SEARCH_ENGINE`` is an OpenSearch one):

* the index settings turn on k-NN (``index.knn``) and add a ``synonym_graph`` filter, built from
  the shipped synonym groups, to the analyzer used at query time (``default_search``), so "pjæk"
  finds "fravær" there too without re-indexing documents when the list changes (the filter is
  read when the index is created: an edited list needs ``update_index``, which rebuilds under an
  alias);
* documents of models with vectors carry a ``knn_vector`` field (``VECTOR_FIELD``, 384 floats of
  multilingual-e5-small, cosine, HNSW), embedded from the same text as the Whoosh side;
* a best-match search (``PlainText``, operator "or") sends ``bool.should: [the lexical query, a
  knn clause]`` as the inner query; Wagtail wraps it in ``bool.filter`` with the content type and
  the queryset's filters, so drafts and members-only pages stay out of the vector path as well.

No OpenSearch runs here: tests/knowledge/search/test_opensearch_vectors.py checks the mapping,
the document and the query body this sends.
"""

from __future__ import annotations

import copy

from modelsearch.backends.opensearch3 import (
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import deep_update

from knowledge.search.whoosh_backend.documents import DocumentBuilder
from knowledge.search.whoosh_backend.vectors import VectorSource

VECTOR_FIELD = "praksisnet_vector"
DIMENSIONS = 384
#: Nearest neighbours asked of the k-NN clause (as DENSE_CANDIDATES on the Whoosh side, and
#: more: OpenSearch filters the neighbours after finding them).
KNN_NEIGHBOURS = 50
#: The k-NN clause's weight against the lexical query's (BM25 scores run to about 10-30, a
#: cosine score to 1).
KNN_BOOST = 10.0
#: The models whose documents carry a vector, and the fields embedded (as VECTOR_FIELDS).
VECTOR_MODELS = {
    "knowledge.experimentpage": ["title", "summary", "question", "findings__statement"]
}
EMBEDDER = "knowledge.search.embedding.search_embedder"


def synonym_lines(groups) -> list[str]:
    """Solr-format synonym lines ("fravær, pjæk, skolevægring") for a synonym_graph filter."""
    lines = []
    for group in groups:
        words = [" ".join(str(word).lower().split()) for word in group]
        words = [w.replace(",", " ") for w in dict.fromkeys(words) if w]
        if len(words) > 1:
            lines.append(", ".join(words))
    return lines


def index_settings(groups, knn=True) -> dict:
    """Index settings: the Danish analyzer and synonyms at query time, and k-NN on (OpenSearch
    needs ``index.knn``; Elasticsearch indexes a dense_vector without a setting)."""
    settings = {
        "analysis": {
            "filter": {
                "praksisnet_synonyms": {
                    "type": "synonym_graph",
                    "lenient": True,
                    "synonyms": synonym_lines(groups),
                },
                "danish_stop": {"type": "stop", "stopwords": "_danish_"},
                "danish_stemmer": {"type": "stemmer", "language": "danish"},
            },
            "analyzer": {
                "default": {"type": "danish"},
                "default_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "praksisnet_synonyms",
                        "danish_stop",
                        "danish_stemmer",
                    ],
                },
            },
        },
    }
    if knn:
        settings["index"] = {"knn": True}
    return {"settings": settings}


def vector_mapping() -> dict:
    return {
        "type": "knn_vector",
        "dimension": DIMENSIONS,
        "method": {"name": "hnsw", "space_type": "cosinesimil", "engine": "lucene"},
    }


def knn_clause(vector) -> dict:
    """OpenSearch's k-NN query for the nearest documents to a query's vector."""
    return {
        "knn": {
            VECTOR_FIELD: {
                "vector": [float(x) for x in vector],
                "k": KNN_NEIGHBOURS,
                "boost": KNN_BOOST,
            }
        }
    }


class VectorMappingMixin:
    """A mapping with a vector for the models in VECTOR_MODELS (``vector_mapping`` says how the
    engine stores it)."""

    embedder_path = EMBEDDER
    vector_mapping = staticmethod(vector_mapping)

    def vector_source(self):
        fields = VECTOR_MODELS.get(self.model._meta.label_lower)
        return VectorSource(self.embedder_path, fields) if fields else None

    def get_mapping(self):
        mapping = super().get_mapping()
        if self.vector_source() is not None:
            mapping["properties"][VECTOR_FIELD] = self.vector_mapping()
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        source = self.vector_source()
        if source is not None:
            # The same text as the Whoosh side embeds (the fields named, as that builder reads them).
            builder = DocumentBuilder(self.model)
            vectors = source.document_vectors([builder.build(obj)])
            if vectors:
                doc[VECTOR_FIELD] = [float(x) for x in vectors[str(obj.pk)].vector]
        return doc


class VectorQueryMixin:
    """A best-match search sends ``bool.should: [the lexical query, a vector clause]``
    (``knn_clause`` says in the engine's words); any other search stays lexical."""

    knn_clause = staticmethod(knn_clause)

    def get_inner_query(self):
        inner = super().get_inner_query()
        mapping = self.mapping_class(self.queryset.model)
        source = mapping.vector_source()
        if (
            source is None
            or not isinstance(self.query, PlainText)
            or self.query.operator != "or"
            or not self.query.query_string.strip()
        ):
            return inner
        vector = source.query_vector(" ".join(self.query.query_string.split()))
        if vector is None:
            return inner
        return {"bool": {"should": [inner, self.knn_clause(vector)], "minimum_should_match": 1}}


class SynonymSettingsMixin:
    """The backend's index settings with the shipped synonyms (and k-NN where it needs turning on)."""

    knn_setting = True

    def __init__(self, params):
        from knowledge.search.synonyms import SYNONYM_GROUPS

        # Wagtail deep-merges INDEX_SETTINGS into its own (its autocomplete analyzers kept).
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(
            copy.deepcopy(params.get("INDEX_SETTINGS") or {}),
            index_settings(SYNONYM_GROUPS, knn=self.knn_setting),
        )
        super().__init__(params)


class HybridMapping(VectorMappingMixin, OpenSearch3Mapping):
    """Wagtail's mapping plus a k-NN vector for the models in VECTOR_MODELS."""


class HybridSearchQueryCompiler(VectorQueryMixin, OpenSearch3SearchQueryCompiler):
    mapping_class = HybridMapping


class HybridSearchBackend(SynonymSettingsMixin, OpenSearch3SearchBackend):
    mapping_class = HybridMapping
    query_compiler_class = HybridSearchQueryCompiler


SearchBackend = HybridSearchBackend
