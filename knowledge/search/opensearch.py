"""Beyond one machine: Wagtail's OpenSearch backend with the same synonyms and the same vectors.

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


def index_settings(groups) -> dict:
    """Index settings: k-NN on, the Danish analyzer, and synonyms at query time."""
    return {
        "settings": {
            "index": {"knn": True},
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
    }


def vector_mapping() -> dict:
    return {
        "type": "knn_vector",
        "dimension": DIMENSIONS,
        "method": {"name": "hnsw", "space_type": "cosinesimil", "engine": "lucene"},
    }


class HybridMapping(OpenSearch3Mapping):
    """Wagtail's mapping plus a k-NN vector for the models in VECTOR_MODELS."""

    embedder_path = EMBEDDER

    def vector_source(self):
        fields = VECTOR_MODELS.get(self.model._meta.label_lower)
        return VectorSource(self.embedder_path, fields) if fields else None

    def get_mapping(self):
        mapping = super().get_mapping()
        if self.vector_source() is not None:
            mapping["properties"][VECTOR_FIELD] = vector_mapping()
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


class HybridSearchQueryCompiler(OpenSearch3SearchQueryCompiler):
    mapping_class = HybridMapping

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
        knn = {
            "knn": {
                VECTOR_FIELD: {
                    "vector": [float(x) for x in vector],
                    "k": KNN_NEIGHBOURS,
                    "boost": KNN_BOOST,
                }
            }
        }
        return {"bool": {"should": [inner, knn], "minimum_should_match": 1}}


class HybridSearchBackend(OpenSearch3SearchBackend):
    mapping_class = HybridMapping
    query_compiler_class = HybridSearchQueryCompiler

    def __init__(self, params):
        from knowledge.search.synonyms import SYNONYM_GROUPS

        # Wagtail deep-merges INDEX_SETTINGS into its own (its autocomplete analyzers kept).
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(
            copy.deepcopy(params.get("INDEX_SETTINGS") or {}), index_settings(SYNONYM_GROUPS)
        )
        super().__init__(params)


SearchBackend = HybridSearchBackend
