"""A query's matches scored with arrays score as Whoosh's own matchers score them
(knowledge.search.whoosh_backend.array_scoring), for every query shape the compiler emits."""

import random

import numpy as np
import pytest
from whoosh import index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema

from knowledge.search.whoosh_backend.array_scoring import matching, score_segment
from knowledge.search.whoosh_backend.coverage import CoveringOr

WORDS = ["elever", "læsning", "makker", "skrivning", "frikvarter", "pjæk", "lydbog"]
WORDS += ["klasse", "bog", "tavle", "gård", "pause", "fag", "time", "lærer", "hjem", "leg"]


def words_of(n, count):
    return " ".join(random.Random(n).choices(WORDS, k=count))


@pytest.fixture
def ix(tmp_path):
    """Three segments of documents of varied lengths, some deleted by an update."""
    ix = index.create_in(
        str(tmp_path),
        Schema(pk=ID(stored=True, unique=True), title=TEXT, body=TEXT(phrase=True), kind=ID),
    )
    for batch in range(3):
        writer = ix.writer()
        for n in range(batch * 300, batch * 300 + 300):
            writer.add_document(
                pk=str(n), title=words_of(n, 1 + n % 3), body=words_of(n + 1, 2 + n % 29)
            )
        writer.commit(merge=False)
    writer = ix.writer()
    for n in range(0, 900, 37):  # edits: the old versions deleted in their segments
        writer.update_document(pk=str(n), title="pjæk", body="pjæk elever " * (1 + n % 4))
    writer.commit(merge=False)
    return ix


def fields(text, title_boost=2.0):
    return wq.Or([wq.Term("title", text, boost=title_boost), wq.Term("body", text)])


SHAPES = {
    "term": wq.Term("body", "læsning"),
    "boosted term": wq.Term("title", "makker", boost=3.0),
    "fields": fields("elever"),
    "words": wq.Or([fields("elever"), fields("pjæk"), fields("lydbog", 4.0)]),
    "all words": wq.And([fields("makker"), fields("skrivning")]),
    "boosted parts": wq.Or(
        [fields("makkerlæsning"), wq.And([fields("makker"), fields("læsning")], boost=0.1)]
    ),
    "one clause": wq.Or([fields("frikvarter")], boost=5.0),
    "but not": wq.AndNot(fields("elever"), wq.Term("body", "pjæk")),
    "any, one but not": wq.Or(
        [fields("lydbog"), wq.AndNot(fields("elever"), wq.Term("body", "pjæk"))]
    ),
    "proximity": wq.Or(
        [fields("elever"), wq.Phrase("body", ["elever", "læsning"], slop=4, boost=0.5)]
    ),
    "phrase": wq.Phrase("body", ["makker", "elever", "pjæk"], slop=3, boost=2.0),
    "near miss": wq.FuzzyTerm("body", "lydbg", maxdist=1, prefixlength=1, boost=0.5),
    "covering": CoveringOr(
        [fields("elever"), fields("lydbog"), fields("frikvarter")],
        own_forms=[None, wq.Term("body", "lydbog"), None],
    ),
}


def whoosh_scores(leaf, q):
    """{docnum: score} from Whoosh's matcher over one segment, posting by posting."""
    matcher = q.matcher(leaf, leaf.context())
    found = {}
    while matcher.is_active():
        found[matcher.id()] = matcher.score()
        matcher.next()
    return found


def deleted_of(leaf):
    reader = leaf.reader()
    return reader.deleted_docs_set if reader.has_deletions() else frozenset()


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_scores_as_whoosh_scores_it(ix, shape):
    q = SHAPES[shape]
    with ix.searcher() as searcher:
        leaves = searcher.leaf_searchers()
        assert any(deleted_of(leaf) for leaf, _ in leaves)
        matched = 0
        for leaf, _ in leaves:
            expected = whoosh_scores(leaf, q)
            docnums, scores = score_segment(leaf, q, leaf.context(), deleted_of(leaf))
            assert docnums.tolist() == sorted(expected)  # deleted documents left out
            assert scores == pytest.approx([expected[d] for d in docnums.tolist()], rel=1e-12)
            matched += len(docnums)
        assert matched >= 10


@pytest.mark.parametrize("shape", SHAPES)
def test_the_matches_alone_are_whooshs_matches(ix, shape):
    """Unscored (a count, the facets' documents, a filter): the documents Whoosh finds."""
    q = SHAPES[shape]
    with ix.searcher() as searcher:
        assert matching(searcher, q).tolist() == sorted(searcher.docs_for_query(q))
        only_some = wq.And([q, wq.Not(wq.Term("title", "elever"))])
        assert matching(searcher, only_some).tolist() == sorted(searcher.docs_for_query(only_some))


def test_the_best_of_a_word_and_its_synonym_is_the_documents_own_best(tmp_path):
    """DisjunctionMax: each document scores the best of the clauses it matches; never a score
    another document earned (Whoosh's matcher can hand one over)."""
    q = wq.DisjunctionMax([fields("elever"), wq.Term("body", "pjæk", boost=0.5)])
    ix = index.create_in(str(tmp_path), Schema(title=TEXT, body=TEXT))
    writer = ix.writer()
    for n in range(200):
        writer.add_document(title=words_of(n, 2), body=words_of(n + 2, 3 + n % 7))
    writer.commit()
    with ix.searcher() as searcher:
        ((leaf, _),) = searcher.leaf_searchers()
        own = whoosh_scores(leaf, fields("elever"))
        synonym = whoosh_scores(leaf, wq.Term("body", "pjæk", boost=0.5))
        docnums, scores = score_segment(leaf, q, leaf.context(), frozenset())
        best = {d: max(own.get(d, -np.inf), synonym.get(d, -np.inf)) for d in own | synonym}
        assert docnums.tolist() == sorted(best)
        assert scores == pytest.approx([best[d] for d in docnums.tolist()], rel=1e-12)
        assert set(own) - set(synonym) and set(synonym) - set(own)  # both kinds of document
