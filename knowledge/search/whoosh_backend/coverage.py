"""Best match over a query's words: any word may match, documents covering more of them win.

BM25F alone sums what each word contributes, so a document repeating one common word of a
six-word question can beat one that mentions five of the six. :class:`CoveringOr` multiplies the
BM25F score by the share of the query's words a document covers, each word weighted by its
rarity (``log(1 + N / df)``: "elev", in almost every experiment, covers little; "pjæk" a lot).
A word is covered by any of its forms (the word, its compound parts, its synonyms).
"""

from __future__ import annotations

import math

from whoosh import query as wq
from whoosh.matching import WrappingMatcher

from .postings import query_docs

#: How strongly coverage counts: the BM25F score is multiplied by coverage ** COVERAGE_EXPONENT.
COVERAGE_EXPONENT = 2.0


class CoveringOr(wq.Or):
    """An Or of word clauses whose score grows with the (rarity-weighted) words covered."""

    def __init__(self, subqueries, boost=1.0, minmatch=0, scale=None):
        super().__init__(subqueries, boost=boost, minmatch=minmatch, scale=scale)

    def matcher(self, searcher, context=None):
        inner = wq.Or(self.subqueries, boost=self.boost).matcher(searcher, context)
        # Per segment: the searcher here is a leaf searcher, its docnums are the matcher's own.
        documents = searcher.doc_count_all() or 1
        word_docs = [query_docs(searcher, sub) for sub in self.subqueries]
        weights = [math.log(1 + documents / len(docs)) if docs else 0.0 for docs in word_docs]
        if sum(weights) == 0:
            return inner
        return CoverageMatcher(inner, word_docs, weights)


class CoverageMatcher(WrappingMatcher):
    """The wrapped score times the covered share of the query's word weights (at most 1, so the
    child's quality bounds stay upper bounds)."""

    def __init__(self, child, word_docs, weights):
        super().__init__(child)
        self.word_docs = word_docs
        self.weights = weights
        self.total = sum(weights)

    def _replacement(self, newchild):
        return self.__class__(newchild, self.word_docs, self.weights)

    def supports_block_quality(self):
        return False

    def coverage(self, docnum):
        covered = sum(w for docs, w in zip(self.word_docs, self.weights) if docnum in docs)
        return covered / self.total

    def score(self):
        return self.child.score() * self.coverage(self.child.id()) ** COVERAGE_EXPONENT
