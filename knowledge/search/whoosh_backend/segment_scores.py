"""Every match of a query scored, kept per segment from one searcher to the next.

A search page ranks all of its matches (facets and pages need them all): at 100,000
experiments "elever" has 93,086 matches, which Whoosh's own matchers scored in 3 to 6 s and
array_scoring.py scores in about 0.5 s. The per-searcher cache (postings.searcher_cache)
answers a repeat at once, but every commit makes every worker open a new searcher, so while
editors published once a second the cache was gone once a second: in the load run at 100,000
experiments the p95 of the reads rose from 0.2 s to 2 s, with searches behind it.

Segments never change once written, except that documents in them are deleted (an update
deletes the old version). So a segment's scored matches are kept with the index, and a later
searcher scores only its new segments (a commit writes one small segment, a merge a few), and
drops the documents deleted since from the kept ones. A kept score was worked out with the
index's statistics of its time (documents, how many hold each word): the whole query is
scored anew when the number of documents, or of documents holding any of its words, has moved
by more than ``REFRESH_SHARE`` since, or after ``REFRESH_AFTER_COMMITS`` commits, so a ranking
drifts by no more than that allows (a rare word's new documents are scored with it at once).
"""

from __future__ import annotations

import threading

import numpy as np

from . import array_scoring
from .postings import _LRU, deleted_of, segment_pks

#: Queries kept per index; a common word's entry is about 1 MB at 100,000 experiments.
KEPT_QUERIES = 32
#: Score a query anew once the documents, or those holding one of its words, moved by this share.
REFRESH_SHARE = 0.01
#: ...or after this many commits (a publish a second for about three minutes).
REFRESH_AFTER_COMMITS = 200


class _Kept:
    """One query's scored matches per segment id, with what their scores were worked out from:
    the index's documents, each of the query's words' document frequency, the generation."""

    def __init__(self, documents, frequencies, generation):
        self.documents, self.frequencies = documents, frequencies
        self.generation = self.newest = generation
        #: segment id -> (local docnums, scores, stored pks, deletions seen when scored)
        self.segments = {}

    def serves(self, documents, frequencies, generation):
        """Whether scores worked out then still rank as scores worked out now would, within
        REFRESH_SHARE: a word that was rare moves by that share with a few new documents, and
        is then cheap to score anew; a common word only with hundreds."""
        if generation - self.generation > REFRESH_AFTER_COMMITS:
            return False
        if frequencies.keys() != self.frequencies.keys():
            return False  # a word of the query found where it was not, or gone
        then_now = [(self.documents, documents)]
        then_now += [(self.frequencies[term], n) for term, n in frequencies.items()]
        return all(abs(now - then) <= REFRESH_SHARE * then for then, now in then_now)


#: Scores that agree to this many decimals rank as ties (BM25F scores are 0.01 to a few hundred).
TIE_DECIMALS = 9

_lock = threading.Lock()  # the kept queries are shared by the threads reading one index


def _kept_of(ix):
    with _lock:
        kept = getattr(ix, "_praksisnet_scored", None)
        if kept is None:
            kept = ix._praksisnet_scored = _LRU(KEPT_QUERIES)
        return kept


def _score_segment(leaf, q, ct, context, deleted):
    """(local docnums, scores, stored pks, deletions seen) of q's matches in one segment,
    scored as Whoosh's collector scores them (with arrays, array_scoring.py), with their pks."""
    docnums, scores = array_scoring.score_segment(leaf, q, context, deleted, only=ct)
    return docnums, scores, segment_pks(leaf.reader())[docnums], frozenset(deleted)


def _frequencies(reader, q):
    """{(field, word): documents holding it} for each word of q the index holds."""
    return {term: reader.doc_frequency(*term) for term in q.existing_terms(reader, expand=True)}


def scored_matches(searcher, q, ct=None):
    """The Ranking of every document matching q (and the filter ct): what
    ``searcher.search(q, filter=ct, limit=None)`` ranks, best first, ties in index order
    (scores as array_scoring.py works them out)."""
    reader = searcher.reader()
    generation, ix = reader.generation(), getattr(searcher, "_ix", None)
    # Nothing is kept for an index with no segments yet, or a searcher of no index.
    kept_queries = _kept_of(ix) if generation is not None and ix is not None else None
    documents, frequencies = searcher.doc_count_all(), _frequencies(reader, q)
    key = (repr(q), repr(ct))
    kept = None
    if kept_queries is not None:
        with _lock:
            kept = kept_queries.get(key)
    if kept is None or not kept.serves(documents, frequencies, generation):
        kept = _Kept(documents, frequencies, generation)
    context = searcher.context()
    segments, parts = {}, []
    for leaf, offset in searcher.leaf_searchers():
        segment_reader = leaf.reader()
        segment = segment_reader.segment() if hasattr(segment_reader, "segment") else None
        segment_id = segment.segment_id() if segment is not None else None
        deleted = deleted_of(segment_reader)
        found = kept.segments.get(segment_id) if segment_id is not None else None
        # Scored when the segment had as many deletions as this reader sees, or fewer (a
        # segment's deletions only grow): else this is an older searcher, which scores alone.
        if found is None or len(found[3]) > len(deleted):
            found = _score_segment(leaf, q, ct, context, deleted)
        if segment_id is not None:
            segments[segment_id] = found
        docnums, scores, pks, scored_with = found
        if len(deleted) > len(scored_with):  # deleted since: its old versions left out
            keep = ~np.isin(docnums, np.fromiter(deleted, dtype=np.int64))
            docnums, scores, pks = docnums[keep], scores[keep], pks[keep]
        parts.append((docnums, scores, pks, offset))
    # An older searcher keeps nothing: it would let go of newer segments.
    if kept_queries is not None and generation >= kept.newest:
        kept.segments, kept.newest = segments, generation
        with _lock:
            kept_queries[key] = kept
    return _ranking(parts)


def _ranking(parts):
    """The Ranking of per-segment (local docnums, scores, pks, offset)."""
    if not parts:
        return Ranking([], [], [])
    docnums = np.concatenate([part[0] + part[3] for part in parts])
    scores = np.concatenate([part[1] for part in parts])
    pks = np.concatenate([part[2] for part in parts])
    # Scores equal but for the last bits of a sum (added in another order here than in
    # Whoosh's matcher trees) are ties, ranked in index order as Whoosh ranks equal scores.
    order = np.lexsort((docnums, -np.round(scores, TIE_DECIMALS)))
    return Ranking(docnums[order].tolist(), scores[order].tolist(), pks[order].tolist())


class Ranking:
    """Every match best first (ties in index order): ``docnums``, their ``scores`` and the
    ``pks`` their documents store (as stored: text), position by position."""

    def __init__(self, docnums, scores, pks):
        self.docnums, self.scores, self.pks = docnums, scores, pks

    def pairs(self):
        """[(docnum, score)], as ``searcher.search(q, filter=ct, limit=None)`` ranks them."""
        return list(zip(self.docnums, self.scores))
