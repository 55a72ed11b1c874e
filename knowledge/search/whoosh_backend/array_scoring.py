"""A query's matches in one segment, scored with arrays as Whoosh's matchers score them.

Whoosh scores a posting at a time in Python: the first search for "elever" at 100,000
experiments (93,086 matches, a term in each of about ten fields) took 5 to 7 s before
segment_scores could keep anything. Here each term's postings are read a block at a time
into arrays, scored with the searcher's own BM25F statistics (the scorer Whoosh would use
gives idf, average length, B and K1; the field lengths are the segment's length column), and
the compiler's query shapes are combined over dense per-segment arrays: Or sums, And sums
where all match, DisjunctionMax takes the best, AndNot drops, boosts multiply, CoveringOr
weighs by the words covered, a Phrase decodes positions only where all its words are. Any
other clause (fuzzy and prefix terms) is scored by its own Whoosh matcher, so every query gets
an answer and only the shapes known here are fast.

The scores are Whoosh's formulas in Whoosh's order of operations, so a term's score is the
same float; a sum over several clauses may differ in the last bit from Whoosh's own order
(which depends on its matcher trees); a compound of one clause is scored as that clause,
without the compound's boost, as Whoosh's CompoundQuery.matcher does. One deliberate difference:
DisjunctionMax takes the best score of the clauses that match the document, where Whoosh's
matcher takes the larger current score of both sub-matchers even when one of them stands on a
later document (binary.DisjunctionMaxMatcher.score), so a synonym's score could be another
document's.
"""

from __future__ import annotations

import math
from bisect import bisect_left

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.util.numeric import byte_to_length

from . import postings
from .coverage import COVERAGE_EXPONENT, SYNONYM_COVERAGE, CoveringOr

#: byte -> field length, as Whoosh decodes a length column's byte.
_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class _Segment:
    """One leaf searcher's arrays: its documents, those still live, its field lengths, and the
    postings read so far (a query names a word in several clauses: its own form, its coverage,
    a phrase)."""

    def __init__(self, leaf, context, deleted, scored=True):
        self.leaf, self.reader, self.context = leaf, leaf.reader(), context
        self.scored = scored  # False: which documents match, the scores left at 0
        self.size = leaf.doc_count_all()
        self.live = postings.live_mask(self.size, deleted)
        self._lengths, self._postings = {}, {}

    def empty(self):
        return np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float64)

    def postings(self, fieldname, text, values=False):
        """postings.segment_postings, read once per term (with values once they are asked for)."""
        key = (fieldname, text)
        read = self._postings.get(key)
        if read is None or (values and len(read) == 2):
            read = self._postings[key] = postings.segment_postings(
                self.reader, fieldname, text, values=values
            )
        return read

    def lengths(self, fieldname):
        """Every document's length of the field, as the scorer reads it one by one."""
        if fieldname not in self._lengths:
            stored = postings.length_bytes(self.reader, fieldname)
            if stored is None:  # as the scorer's searcher.doc_field_length(docnum, field, 1)
                stored = [
                    self.leaf.doc_field_length(d, fieldname, 1) or 0 for d in range(self.size)
                ]
                self._lengths[fieldname] = np.asarray(stored, dtype=np.float64)
            else:
                self._lengths[fieldname] = _LENGTHS[stored]
        return self._lengths[fieldname]


def score_segment(leaf, q, context, deleted, only=None):
    """(docnums, scores) of q's live matches in one segment, docnums ascending; with ``only``
    (a query, unscored: the content-type and filters), those of its matches alone."""
    segment = _Segment(leaf, context, deleted)
    matched, scores = _evaluate(segment, q)
    matched &= segment.live
    if only is not None:
        matched &= _evaluate(_Segment(leaf, context, deleted, scored=False), only)[0]
    docnums = np.flatnonzero(matched)
    return docnums, scores[docnums]


def matching(searcher, q):
    """Docnums (global, ascending, an array) of q's live matches, unscored: a count, the
    facets' set of documents, a filter."""
    context, found = searcher.context(), []
    for leaf, offset in searcher.leaf_searchers():
        segment = _Segment(leaf, context, postings.deleted_of(leaf.reader()), scored=False)
        found.append(np.flatnonzero(_evaluate(segment, q)[0] & segment.live) + offset)
    return np.concatenate(found) if found else np.empty(0, dtype=np.int64)


def _evaluate(segment, q):
    """(matched, scores): dense arrays over the segment's documents, the scores 0 wherever
    nothing matched (a parent adds them up); new arrays, the caller's to change."""
    kind = type(q)
    if kind is wq.Term:
        return _term(segment, q)
    if kind in (wq.Or, wq.And, wq.DisjunctionMax) and len(q.subqueries) == 1:
        return _evaluate(segment, q.subqueries[0])  # unboosted, as Whoosh's matcher does
    if kind is wq.Or and not q.minmatch and not q.scale and q.subqueries:
        return _boosted(_sum(segment, q.subqueries, all_of=False), q.boost)
    if kind is wq.And and q.subqueries:
        return _boosted(_sum(segment, q.subqueries, all_of=True), q.boost)
    if kind is wq.DisjunctionMax and not q.tiebreak and q.subqueries:
        return _boosted(_best(segment, q.subqueries), q.boost)
    if kind is wq.AndNot:
        matched, scores = _evaluate(segment, q.a)
        matched &= ~_evaluate(segment, q.b)[0]
        scores[~matched] = 0.0  # a parent adds scores: none where nothing matched
        return matched, scores
    if kind is CoveringOr and not q.minmatch and not q.scale:
        return _covering(segment, q)
    if kind is wq.Phrase and not q.char_ranges:
        return _phrase(segment, q)
    return _by_matcher(segment, q)


def _term(segment, q):
    matched, scores = segment.empty()
    reader, fieldname = segment.reader, q.fieldname
    if fieldname not in segment.leaf.schema:
        return matched, scores
    try:
        text = segment.leaf.schema[fieldname].to_bytes(q.text)
    except ValueError:
        return matched, scores
    if (fieldname, text) not in reader:
        return matched, scores
    scorer = segment.context.weighting.scorer(segment.leaf, fieldname, text)
    read = segment.postings(fieldname, text)
    if read is None or not isinstance(scorer, (BM25FScorer, WeightScorer)):
        return _by_matcher(segment, q)
    ids, weights = read[0], read[1]
    matched[ids] = True
    if not segment.scored:
        return matched, scores
    if isinstance(scorer, BM25FScorer):
        lengths = segment.lengths(fieldname)[ids]
        idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
        # whoosh.scoring.bm25, term by term in its order.
        term_scores = idf * (
            (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avgfl))
        )
    else:
        term_scores = weights  # a field without lengths scores the posting's weight
    scores[ids] = term_scores
    if q.boost != 1.0:
        scores *= q.boost
    return matched, scores


def _phrase(segment, q):
    """wq.Phrase: the words in order, each within ``slop`` positions of the span before it
    (Whoosh's SpanNear2, ordered, at least one apart), scored as the sum of the words' scores.
    Only the documents holding every word have their positions decoded."""
    matched, scores = segment.empty()
    schema, fieldname = segment.leaf.schema, q.fieldname
    if fieldname not in schema or not schema[fieldname].format.supports("positions"):
        return _by_matcher(segment, q)  # Whoosh says what is wrong with it
    field = schema[fieldname]
    try:
        words = [field.to_bytes(word) for word in q.words]
    except ValueError:
        return matched, scores
    if not words or any((fieldname, word) not in segment.reader for word in words):
        return matched, scores
    reads = [segment.postings(fieldname, word, values=True) for word in words]
    if any(read is None for read in reads):
        return _by_matcher(segment, q)
    # The documents holding every word, and where each word's posting of them is.
    candidates = reads[0][0]
    for ids, _, _ in reads[1:]:
        candidates = np.intersect1d(candidates, ids, assume_unique=True)
    candidates = candidates[segment.live[candidates]]
    where = [np.searchsorted(ids, candidates) for ids, _, _ in reads]
    decode = field.format.decode_positions
    near = [
        _in_order(
            [decode(read[2][at[i]]) for read, at in zip(reads, where)],
            q.slop,
        )
        for i in range(len(candidates))
    ]
    found = candidates[np.asarray(near, dtype=bool)] if near else candidates
    matched[found] = True
    if not segment.scored:
        return matched, scores
    for word in words:
        _, word_scores = _term(segment, wq.Term(fieldname, word))
        scores[found] += word_scores[found]
    return _boosted((matched, scores), q.boost)


def _in_order(positions, slop):
    """Whether the words' positions hold a span of all of them in order, each word at 1 to
    ``slop`` positions after the span of those before it (SpanNear2Matcher._get_spans with
    ordered=True, mindist=1, spans as (start, end))."""
    spans = [(p, p) for p in positions[0]]
    for later in positions[1:]:
        found = set()
        for start, end in spans:
            j = bisect_left(later, start)
            while j < len(later):
                position = later[j]
                j += 1
                if position > end + slop:
                    break
                if start <= position <= end:
                    continue  # overlapping: no distance
                distance = position - end if end < position else start - position
                if 1 <= distance <= slop:
                    found.add((min(start, position), max(end, position)))
        if not found:
            return False
        spans = sorted(found)
    return bool(spans)


def _boosted(evaluated, boost):
    matched, scores = evaluated
    if boost != 1.0:
        scores *= boost
    return matched, scores


def _sum(segment, subqueries, all_of):
    matched, scores = _evaluate(segment, subqueries[0])
    for sub in subqueries[1:]:
        sub_matched, sub_scores = _evaluate(segment, sub)
        matched = matched & sub_matched if all_of else matched | sub_matched
        scores += sub_scores
    if all_of:
        scores[~matched] = 0.0
    return matched, scores


def _best(segment, subqueries):
    matched, scores = segment.empty()
    scores[:] = -np.inf
    for sub in subqueries:
        sub_matched, sub_scores = _evaluate(segment, sub)
        matched |= sub_matched
        np.maximum(scores, np.where(sub_matched, sub_scores, -np.inf), out=scores)
    scores[~matched] = 0.0
    return matched, scores


def _covering(segment, q):
    """coverage.CoveringOr: the Or's score times the covered share of the words' rarity."""
    clauses = [_evaluate(segment, clause) for clause in q.subqueries]
    matched, scores = clauses[0][0].copy(), clauses[0][1].copy()
    for sub_matched, sub_scores in clauses[1:]:
        matched |= sub_matched
        scores += sub_scores
    if not segment.scored:
        return matched, scores
    if q.boost != 1.0 and len(clauses) > 1:
        scores *= q.boost
    documents = segment.size or 1
    words = []
    for (every_form, _), own in zip(clauses, q.own_forms):
        every_form = every_form & segment.live
        own_docs = every_form if own is None else _evaluate(segment, own)[0] & segment.live
        count = int(own_docs.sum()) or int(every_form.sum())
        rarity = math.log(1 + documents / count) if every_form.any() else 0.0
        words.append((own_docs, every_form, rarity))
    total = sum(rarity for _, _, rarity in words)
    if total == 0:
        return matched, scores
    covered = np.zeros(segment.size, dtype=np.float64)
    for own_docs, every_form, rarity in words:
        covered += np.where(own_docs, rarity, np.where(every_form, rarity * SYNONYM_COVERAGE, 0.0))
    return matched, scores * (covered / total) ** COVERAGE_EXPONENT


def _by_matcher(segment, q):
    """Any clause scored by its own Whoosh matcher (deleted documents already left out)."""
    matched, scores = segment.empty()
    matcher = q.matcher(segment.leaf, segment.context)
    ids, found = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        found.append(matcher.score())
        matcher.next()
    if ids:
        ids = np.asarray(ids, dtype=np.int64)
        matched[ids] = True
        scores[ids] = found
    return matched, scores
