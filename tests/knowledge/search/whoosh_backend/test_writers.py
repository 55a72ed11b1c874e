"""Index writes keep landing whatever else the process does: a seeded ``random`` module
and a commit that fails half-way must not block or lose the writes after them."""

import random

import pytest
from whoosh import writing
from whoosh.analysis import StandardAnalyzer
from whoosh.query import Every

from knowledge.search.whoosh_backend.storage import IndexLocation


@pytest.fixture
def location(tmp_path):
    return IndexLocation(tmp_path, "pages", StandardAnalyzer())


def write(location, pk, timeout=5.0):
    with location.writer(timeout=timeout) as writer:
        writer.update_document(pk=str(pk))


def stored_pks(location):
    with location.open().searcher() as searcher:
        return sorted(hit["pk"] for hit in searcher.search(Every(), limit=None))


@pytest.fixture
def seeded_random():
    state = random.getstate()
    yield
    random.setstate(state)  # the tests after this one draw as they would have


def test_writes_land_when_something_seeds_the_random_module_before_each(location, seeded_random):
    for pk in (1, 2, 3):
        random.seed(42)  # as hypothesis does before every example it generates
        write(location, pk)
    assert stored_pks(location) == ["1", "2", "3"]


def test_a_commit_that_fails_half_way_does_not_block_the_next_writer(location, monkeypatch):
    write(location, 1)
    finalize = writing.SegmentWriter._finalize_segment

    def full_disk(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.SegmentWriter, "_finalize_segment", full_disk)
    with pytest.raises(OSError):
        write(location, 2)
    monkeypatch.setattr(writing.SegmentWriter, "_finalize_segment", finalize)

    write(location, 3, timeout=2.0)  # waited for a lock nobody would release, then failed
    assert stored_pks(location) == ["1", "3"]
