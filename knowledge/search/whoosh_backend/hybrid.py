"""Words and meaning in one ranking: the BM25F best match fused with the documents' vectors.

Only a best-match search (``PlainText`` with ``operator="or"``, what the search page sends) is
fused; a search for every word, a phrase, a fuzzy search and autocomplete stay lexical, so "has
every word" and the near-miss second try mean what they say.

The fused score is a blend of normalised scores, ``(1 - DENSE_WEIGHT) * bm25f / best_bm25f +
DENSE_WEIGHT * closeness``, where closeness maps the cosine from ``SIMILARITY_FLOOR`` (0) to the
best cosine of the search (1). A blend, not reciprocal rank fusion: rank fusion gives the 20th
lexical hit of a one-word search as much as the 20th nearest vector, and the vectors of e5-small
sit close together (cosines 0.75-0.9), so their ranks mean less than their distances. Documents
found by meaning alone join only when near enough (``MIN_SIMILARITY``), at most
``DENSE_CANDIDATES`` of them: a query of nonsense finds nothing.

Filtering is the lexical side's own: a vector row counts only for a live (not deleted) document
of this index that passes the Whoosh filter of the search (content type and translated filters),
and the fused hits then go through the same ORM filtering as lexical hits.
"""

from __future__ import annotations

import numpy as np
from modelsearch.query import PlainText

from . import danish
from . import vectors as vector_file
from .array_scoring import matching
from .postings import deleted_of, live_mask, searcher_cache, segment_pks
from .spelling import understood_query

# Tuned on bench/search_relevance.py --sweep only (400 experiments: nDCG@10 0.828 at these
# values; weight 0.3 / 0.5 gave 0.806 / 0.823, floor 0.8 0.815, a minimum of 0.86 0.821).
#: Weight of meaning against words in the fused score.
DENSE_WEIGHT = 0.7
#: The cosine at which a document counts as not close at all.
SIMILARITY_FLOOR = 0.75
#: A document without any word of the query is found when its cosine reaches this (a query of
#: nonsense letters reached 0.82 against five experiments)...
MIN_SIMILARITY = 0.83
#: ...and it is among this many nearest.
DENSE_CANDIDATES = 10


def dense_text(compiler, analyzer, vocabulary):
    """The text to embed for a search, or None when the search is not fused: the query as the
    word search understood it (spelling.understood_query), so a typo or a word typed without
    Danish letters means to the vectors what it means to the words, not whatever a misspelling
    happens to lie near."""
    query = compiler.query
    if not isinstance(query, PlainText) or query.operator != "or":
        return None
    words = danish.query_words(query.query_string, analyzer)
    if not words or all(danish.is_stop_word(folded) for folded, _ in words):
        return None
    text = understood_query(query.query_string, vocabulary, compiler.knows, analyzer)
    return " ".join(text.split())


class DenseSide:
    """The cosines of one search's query to the searchable documents of one searcher."""

    def __init__(self, similarities, candidates):
        self.similarities = similarities  # numpy array indexed by docnum (nan: no vector)
        self.candidates = candidates  # [(docnum, cosine)] found by meaning, best first
        finite = similarities[~np.isnan(similarities)]
        self.best = float(finite.max()) if finite.size else 1.0

    def closeness(self, docnums):
        """How near in meaning each document (an array of docnums) is, from 0 (at
        SIMILARITY_FLOOR or below, or without a vector) to 1 (the best of this search)."""
        sims = self.similarities[docnums].astype(np.float64)
        if self.best <= SIMILARITY_FLOOR:
            return np.zeros(len(sims))
        near = np.clip((sims - SIMILARITY_FLOOR) / (self.best - SIMILARITY_FLOOR), 0.0, 1.0)
        return np.where(np.isnan(sims), 0.0, near)

    def fuse(self, docnums, scores):
        """(docnums, scores) as arrays, best first (ties in index order): the lexical hits
        (their docnums and scores) and the dense candidates, fused."""
        docnums = np.asarray(docnums, dtype=np.int64)
        scores = np.asarray(scores, dtype=np.float64)
        best_lexical = (float(scores.max()) if len(scores) else 0.0) or 1.0
        fused = (1 - DENSE_WEIGHT) * scores / best_lexical + DENSE_WEIGHT * self.closeness(docnums)
        candidates = np.fromiter((d for d, _ in self.candidates), dtype=np.int64)
        found_by_meaning_alone = candidates[~np.isin(candidates, docnums)]
        docnums = np.concatenate([docnums, found_by_meaning_alone])
        fused = np.concatenate([fused, DENSE_WEIGHT * self.closeness(found_by_meaning_alone)])
        order = np.lexsort((docnums, -fused))
        return docnums[order], fused[order]


def _rows_to_docnums(searcher, keys, matrix):
    """Per vector row, the docnum of its live document in this searcher (-1: none)."""
    cache = searcher_cache(searcher)
    key = ("vector_rows", id(matrix))
    rows = cache.get(key)
    if rows is None:
        by_pk = {}
        for leaf, offset in searcher.leaf_searchers():
            reader = leaf.reader()
            local = np.flatnonzero(live_mask(reader.doc_count_all(), deleted_of(reader)))
            by_pk.update(zip(segment_pks(reader)[local].tolist(), (local + offset).tolist()))
        rows = np.array([by_pk.get(k, -1) for k in keys], dtype=np.int64)
        cache[key] = rows
    return rows


def dense_side(searcher, vector_source, text, allowed_query):
    """The dense side of a search, or None when the index has no vectors or no embedder."""
    keys, matrix = vector_file.load(searcher._ix.storage.folder)
    if matrix is None or not keys:
        return None
    query_vector = vector_source.query_vector(text)
    if query_vector is None or query_vector.shape[0] != matrix.shape[1]:
        return None
    rows = _rows_to_docnums(searcher, keys, matrix)
    # einsum, not ``@``: BLAS's threads for one matrix-vector product cost 30 ms on a busy
    # machine at 10,000 vectors, einsum's single loop 0.6 ms (bench/search_vectors.py).
    cosines = np.einsum("ij,j->i", matrix, query_vector)
    present = rows >= 0
    if allowed_query is not None:
        present &= np.isin(rows, matching(searcher, allowed_query))
    similarities = np.full(searcher.doc_count_all(), np.nan, dtype=np.float32)
    similarities[rows[present]] = cosines[present]
    docnums, sims = rows[present], cosines[present]
    if len(sims) > DENSE_CANDIDATES:  # the nearest few, without sorting every document
        nearest = np.argpartition(-sims, DENSE_CANDIDATES - 1)[:DENSE_CANDIDATES]
        docnums, sims = docnums[nearest], sims[nearest]
    order = np.argsort(-sims, kind="stable")
    docnums, sims = docnums[order], sims[order]
    candidates = [(int(d), float(s)) for d, s in zip(docnums, sims) if s >= MIN_SIMILARITY]
    return DenseSide(similarities, candidates)
