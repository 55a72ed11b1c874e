"""Best match over a query's words: any word may match, documents covering more of them win.

BM25F alone sums what each word contributes, so a document repeating one common word of a
six-word question can beat one that mentions five of the six. :class:`CoveringOr` multiplies the
BM25F score by the share of the query's words a document covers, each word weighted by its
rarity (``log(1 + N / df)``: "elev", in almost every experiment, covers little; "pjæk" a lot).
A word is covered by its own forms (the word, its compound parts); a synonym covers it only in
part (SYNONYM_COVERAGE), so a document with the word typed ranks above one with only a synonym.
"""

from __future__ import annotations

import math

from whoosh import query as wq
from whoosh.matching import WrappingMatcher

from .postings import query_docs

#: How strongly coverage counts: the BM25F score is multiplied by coverage ** COVERAGE_EXPONENT.
COVERAGE_EXPONENT = 2.0
#: How much of a word a document covers with only a synonym of it.
SYNONYM_COVERAGE = 0.5


class CoveringOr(wq.Or):
    """An Or of word clauses whose score grows with the (rarity-weighted) words covered.

    ``own_forms`` holds, per word clause, the same clause without its synonyms (None when it
    has none).
    """

    def __init__(self, subqueries, boost=1.0, minmatch=0, scale=None, own_forms=None):
        super().__init__(subqueries, boost=boost, minmatch=minmatch, scale=scale)
        self.own_forms = list(own_forms) if own_forms is not None else [None] * len(subqueries)

    def __eq__(self, other):
        return super().__eq__(other) and self.own_forms == getattr(other, "own_forms", None)

    __hash__ = wq.Or.__hash__

    def __repr__(self):
        return f"{self.__class__.__name__}({self.subqueries!r}, own_forms={self.own_forms!r}, boost={self.boost!r})"

    def matcher(self, searcher, context=None):
        inner = wq.Or(self.subqueries, boost=self.boost).matcher(searcher, context)
        # Per segment: the searcher here is a leaf searcher, its docnums are the matcher's own.
        documents = searcher.doc_count_all() or 1
        words = []
        for clause, own in zip(self.subqueries, self.own_forms):
            every_form = query_docs(searcher, clause)
            own_docs = every_form if own is None else query_docs(searcher, own)
            rarity = math.log(1 + documents / len(own_docs or every_form)) if every_form else 0.0
            words.append((own_docs, every_form, rarity))
        if sum(rarity for _, _, rarity in words) == 0:
            return inner
        return CoverageMatcher(inner, words)


class CoverageMatcher(WrappingMatcher):
    """The wrapped score times the covered share of the query's word weights (at most 1, so the
    child's quality bounds stay upper bounds)."""

    def __init__(self, child, words):
        super().__init__(child)
        self.words = words  # [(docs with the word's own forms, docs with any form, rarity)]
        self.total = sum(rarity for _, _, rarity in words)

    def _replacement(self, newchild):
        return self.__class__(newchild, self.words)

    def supports_block_quality(self):
        return False

    def coverage(self, docnum):
        covered = 0.0
        for own_docs, every_form, rarity in self.words:
            if docnum in own_docs:
                covered += rarity
            elif docnum in every_form:
                covered += rarity * SYNONYM_COVERAGE
        return covered / self.total

    def score(self):
        return self.child.score() * self.coverage(self.child.id()) ** COVERAGE_EXPONENT
