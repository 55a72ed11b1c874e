"""Posting lists read a block at a time and kept between searches
(knowledge.search.whoosh_backend.postings)."""

from whoosh import index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema

from knowledge.search.whoosh_backend import postings
from knowledge.search.whoosh_backend.array_scoring import matching

ELEVER = wq.Term("body", "elever")


def test_a_kept_posting_list_never_brings_back_a_deleted_document(tmp_path, monkeypatch):
    ix = index.create_in(str(tmp_path), Schema(pk=ID(stored=True, unique=True), body=TEXT))
    writer = ix.writer()
    for n in range(300):
        writer.add_document(pk=str(n), body="elever læsning" if n % 2 else "læsning")
    writer.commit()
    with ix.searcher() as searcher:
        before = matching(searcher, ELEVER).tolist()
    assert len(before) == 150

    reads = []
    read = postings._read_postings
    monkeypatch.setattr(
        postings, "_read_postings", lambda *args: reads.append(args[1:3]) or read(*args)
    )
    writer = ix.writer()
    writer.update_document(pk="1", body="læsning")  # its old version, with "elever", deleted
    writer.add_document(pk="300", body="elever")
    writer.commit(merge=False)
    with ix.searcher() as searcher:
        after = matching(searcher, ELEVER).tolist()
        assert after == sorted(searcher.docs_for_query(ELEVER))
        assert searcher.document_number(pk="1") not in after
        assert searcher.document_number(pk="300") in after
        assert len(after) == 150
    # The first segment's list came from what was kept; only the new segment was read.
    assert reads == [("body", b"elever")]
