"""Every match ranked as Whoosh ranks it, and a commit costs the next searcher only its new
segments' scoring (knowledge.search.whoosh_backend.segment_scores)."""

import numpy as np
import pytest
from whoosh import index
from whoosh.fields import ID, TEXT, Schema
from whoosh.query import Or, Term

from knowledge.search.whoosh_backend import segment_scores
from knowledge.search.whoosh_backend.segment_scores import scored_matches

WORDS = ["elever", "læsning", "makker", "skrivning", "frikvarter"]
QUERY = Or([Term("body", "elever"), Term("body", "læsning")])
ONLY_READING = Term("kind", "reading")


@pytest.fixture
def ix(tmp_path):
    ix = index.create_in(
        str(tmp_path), Schema(pk=ID(stored=True, unique=True, sortable=True), body=TEXT, kind=ID)
    )
    for batch in range(3):  # three segments
        writer = ix.writer()
        for n in range(batch * 400, batch * 400 + 400):
            words = [WORDS[(n + i) % len(WORDS)] for i in range(1 + n % 4)]
            kind = "reading" if n % 3 else "other"
            writer.add_document(pk=str(n), body=" ".join(words), kind=kind)
        writer.commit(merge=False)
    return ix


def whoosh_ranking(searcher, q, ct=None):
    results = searcher.search(q, filter=ct, limit=None)
    return [(d, s) for s, d in sorted(results.top_n, key=lambda sd: (-sd[0], sd[1]))]


def pks(searcher, ranking):
    return [searcher.stored_fields(docnum)["pk"] for docnum, _ in ranking]


def scored_segments(monkeypatch):
    calls = []
    score = segment_scores._score_segment

    def counting(leaf, *args):
        calls.append(leaf.reader().segment().segment_id())
        return score(leaf, *args)

    monkeypatch.setattr(segment_scores, "_score_segment", counting)
    return calls


def update(ix, pk, body):
    """An edit as a publish makes it: the old version deleted in its segment, one added."""
    writer = ix.writer()
    writer.update_document(pk=str(pk), body=body, kind="reading")
    writer.commit(merge=False)


def add(ix, pk, body):
    writer = ix.writer()
    writer.add_document(pk=str(pk), body=body, kind="reading")
    writer.commit(merge=False)


@pytest.mark.parametrize("ct", [None, ONLY_READING])
def test_every_match_is_ranked_as_whoosh_ranks_it(ix, ct):
    with ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 1
        ranked = scored_matches(searcher, QUERY, ct)
        assert ranked.pairs() == whoosh_ranking(searcher, QUERY, ct)
        assert len(ranked.docnums) > 100
        assert ranked.pks == pks(searcher, ranked.pairs())  # each match's own stored pk


def test_after_a_commit_only_the_new_segment_is_scored(ix, monkeypatch):
    with ix.searcher() as searcher:
        scored_matches(searcher, QUERY)
    calls = scored_segments(monkeypatch)
    update(ix, 5, "elever elever elever")
    with ix.searcher() as searcher:
        ranked = scored_matches(searcher, QUERY)
        ranking, expected = ranked.pairs(), whoosh_ranking(searcher, QUERY)
        assert ranked.pks == pks(searcher, ranking)
        new_segment = [
            leaf.reader().segment().segment_id() for leaf, _ in searcher.leaf_searchers()
        ][-1]
        assert calls == [new_segment]
        # The same matches, the old version of 5 gone; kept scores near the statistics of now.
        assert sorted(pks(searcher, ranking)) == sorted(pks(searcher, expected))
        assert pks(searcher, ranking).count("5") == 1
        now = dict(expected)
        assert all(score == pytest.approx(now[docnum], rel=0.05) for docnum, score in ranking)


def test_a_query_is_scored_anew_after_many_commits(ix, monkeypatch):
    monkeypatch.setattr(segment_scores, "REFRESH_AFTER_COMMITS", 2)
    with ix.searcher() as searcher:
        scored_matches(searcher, QUERY)
    for pk in (1, 2, 3):
        update(ix, pk, "læsning")
    calls = scored_segments(monkeypatch)
    with ix.searcher() as searcher:
        ranking = scored_matches(searcher, QUERY).pairs()
        assert len(calls) == len(searcher.leaf_searchers())  # every segment, not just the new
        assert ranking == whoosh_ranking(searcher, QUERY)


def test_segments_merged_away_are_let_go(ix):
    with ix.searcher() as searcher:
        scored_matches(searcher, QUERY)
    ix.optimize()  # one segment in place of three, the same documents
    with ix.searcher() as searcher:
        ranking = scored_matches(searcher, QUERY).pairs()
        assert ranking == whoosh_ranking(searcher, QUERY)
        kept = ix._praksisnet_scored.get((repr(QUERY), repr(None)))
        assert list(kept.segments) == [searcher.reader().segment().segment_id()]


def test_new_documents_with_a_rare_word_rank_as_whoosh_ranks_them(ix):
    rare = Or([Term("body", "kolibri")])
    add(ix, 1000, "kolibri elever")
    with ix.searcher() as searcher:
        scored_matches(searcher, rare)
    for pk in range(1001, 1006):  # the word five times as common, the index half a percent
        add(ix, pk, "kolibri kolibri kolibri")
    with ix.searcher() as searcher:
        ranked = scored_matches(searcher, rare)
        assert ranked.pairs() == whoosh_ranking(searcher, rare)
        assert ranked.pks[-1] == "1000"


def near_whoosh(searcher, ranked):
    """The matches Whoosh finds now, each scored within the drift the kept scores allow."""
    now = dict(whoosh_ranking(searcher, QUERY))
    assert sorted(pks(searcher, ranked.pairs())) == sorted(pks(searcher, now.items()))
    return all(score == pytest.approx(now[d], rel=0.05) for d, score in ranked.pairs())


def test_a_searcher_from_before_a_commit_still_finds_what_it_sees(ix, monkeypatch):
    with ix.searcher() as searcher:
        scored_matches(searcher, QUERY)
    before = ix.searcher()  # a request that began before the publish
    update(ix, 7, "elever læsning")
    monkeypatch.setattr(segment_scores, "REFRESH_AFTER_COMMITS", 0)
    with ix.searcher() as after:  # every segment scored anew, the old 7 already deleted
        assert scored_matches(after, QUERY).pairs() == whoosh_ranking(after, QUERY)
    monkeypatch.undo()
    ranked = scored_matches(before, QUERY)  # the segment of 7 scored as it sees it
    assert near_whoosh(before, ranked)
    assert "7" in ranked.pks
    before.close()
    with ix.searcher() as after:  # and the newer kept scores were not let go by the older
        kept = ix._praksisnet_scored.get((repr(QUERY), repr(None)))
        assert set(kept.segments) == {
            leaf.reader().segment().segment_id() for leaf, _ in after.leaf_searchers()
        }
        assert near_whoosh(after, scored_matches(after, QUERY))


def test_scores_equal_but_for_their_last_bits_rank_in_index_order():
    """A sum added in another order than Whoosh's differs in the last bits: still a tie."""
    one, a_hair_more = 1.0, 1.0 + 2**-50
    parts = [(np.array([5, 3]), np.array([a_hair_more, one]), np.array(["5", "3"], object), 0)]
    ranking = segment_scores._ranking(parts)
    assert ranking.docnums == [3, 5]
    parts = [(np.array([5, 3]), np.array([one + 1e-6, one]), np.array(["5", "3"], object), 0)]
    assert segment_scores._ranking(parts).docnums == [5, 3]
