"""Every match of a query scored, kept per segment from one searcher to the next.

A search page ranks all of its matches (facets and pages need them all), and Whoosh scores
each posting in Python: at 100,000 experiments "elever" has 93,086 matches and scoring them
took 3 to 6 s. The per-searcher cache (postings.searcher_cache) answered again in 0.2 s, but
every commit makes every worker open a new searcher, so while editors published once a second
the cache was gone once a second: in the load run at 100,000 experiments the p95 of the
reads rose from 0.2 s to 2 s, with searches behind it.

Segments never change once written, except that documents in them are deleted (an update
deletes the old version). So a segment's scored matches are kept with the index, and a later
searcher scores only its new segments (a commit writes one small segment, a merge a few), and
drops the documents deleted since from the kept ones. A kept score was worked out with the
index's statistics of its time (documents, how many hold each word): the whole query is
scored anew when the number of documents has moved by more than ``REFRESH_SHARE`` since, or
after ``REFRESH_AFTER_COMMITS`` commits, so a ranking drifts by no more than that allows.
"""

from __future__ import annotations

import threading

import numpy as np

from .postings import _LRU, query_docs

#: Queries kept per index; a common word's entry is about 1 MB at 100,000 experiments.
KEPT_QUERIES = 32
#: Score a query anew once the index's document count has moved by this share.
REFRESH_SHARE = 0.01
#: ...or after this many commits (a publish a second for about three minutes).
REFRESH_AFTER_COMMITS = 200


class _Kept:
    """One query's scored matches per segment id: (local docnums, scores), in match order."""

    def __init__(self, documents, generation):
        self.documents, self.generation = documents, generation
        self.segments = {}

    def serves(self, documents, generation):
        moved = abs(documents - self.documents) > REFRESH_SHARE * max(self.documents, 1)
        return not moved and generation - self.generation <= REFRESH_AFTER_COMMITS


_lock = threading.Lock()  # the kept queries are shared by the threads reading one index


def _kept_of(ix):
    with _lock:
        kept = getattr(ix, "_praksisnet_scored", None)
        if kept is None:
            kept = ix._praksisnet_scored = _LRU(KEPT_QUERIES)
        return kept


def _score_segment(leaf, q, ct, context):
    """(local docnums, scores, stored pks) of q's matches in one segment, scored as Whoosh's
    collector scores them; the pks read here once, not by every searcher after."""
    allowed = query_docs(leaf, ct) if ct is not None else None
    matcher = q.matcher(leaf, context)
    docnums, scores = [], []
    while matcher.is_active():
        docnum = matcher.id()
        if allowed is None or docnum in allowed:
            docnums.append(docnum)
            scores.append(matcher.score())
        matcher.next()
    pk_column = leaf.reader().column_reader("pk")
    pks = np.empty(len(docnums), dtype=object)
    pks[:] = [pk_column[docnum] for docnum in docnums]
    return np.asarray(docnums, dtype=np.int64), np.asarray(scores, dtype=np.float64), pks


def scored_matches(searcher, q, ct=None):
    """The Ranking of every document matching q (and the filter ct): what
    ``searcher.search(q, filter=ct, limit=None)`` ranks, best first, ties in index order."""
    reader = searcher.reader()
    documents, generation = searcher.doc_count(), reader.generation()  # live documents
    kept_queries = _kept_of(searcher._ix)
    key = (repr(q), repr(ct))
    with _lock:
        kept = kept_queries.get(key)
    if kept is None or not kept.serves(documents, generation):
        kept = _Kept(documents, generation)
    context = searcher.context()
    segments, all_docnums, all_scores, all_pks = {}, [], [], []
    for leaf, offset in searcher.leaf_searchers():
        segment_reader = leaf.reader()
        segment = segment_reader.segment() if hasattr(segment_reader, "segment") else None
        segment_id = segment.segment_id() if segment is not None else None
        found = kept.segments.get(segment_id) if segment_id is not None else None
        if found is None:
            found = _score_segment(leaf, q, ct, context)
        elif segment_reader.has_deletions():
            deleted = np.fromiter(segment_reader.deleted_docs_set, dtype=np.int64)
            keep = ~np.isin(found[0], deleted)
            found = tuple(array[keep] for array in found)
        if segment_id is not None:
            segments[segment_id] = found
        all_docnums.append(found[0] + offset)
        all_scores.append(found[1])
        all_pks.append(found[2])
    kept.segments = segments  # merged-away segments are dropped
    with _lock:
        kept_queries[key] = kept
    if not all_docnums:
        return Ranking([], [], [])
    docnums, scores = np.concatenate(all_docnums), np.concatenate(all_scores)
    order = np.lexsort((docnums, -scores))
    return Ranking(
        docnums[order].tolist(), scores[order].tolist(), np.concatenate(all_pks)[order].tolist()
    )


class Ranking:
    """Every match best first (ties in index order): ``docnums``, their ``scores`` and the
    ``pks`` their documents store (as stored: text), position by position."""

    def __init__(self, docnums, scores, pks):
        self.docnums, self.scores, self.pks = docnums, scores, pks

    def pairs(self):
        """[(docnum, score)], as ``searcher.search(q, filter=ct, limit=None)`` ranks them."""
        return list(zip(self.docnums, self.scores))
