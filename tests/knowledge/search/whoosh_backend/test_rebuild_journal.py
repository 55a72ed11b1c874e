"""Writes made while a rebuild runs are replayed into the new index exactly once each: an
experiment published twice during a rebuild is found once, by its latest title only."""

from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.query import Term

from knowledge.search.whoosh_backend.storage import RebuildJournal


def new_index(folder):
    folder.mkdir()
    return whoosh_index.create_in(
        folder, Schema(pk=ID(stored=True, unique=True), title=TEXT(stored=True))
    )


def titles_by_pk(ix):
    with ix.searcher() as searcher:
        return sorted((doc["pk"], doc["title"]) for doc in searcher.all_stored_fields())


def test_repeated_updates_during_a_rebuild_leave_one_document_with_the_last_title(tmp_path):
    ix = new_index(tmp_path / "generation")
    writer = ix.writer()
    writer.add_document(pk="1", title="rebuilt title")  # what the rebuild itself wrote
    writer.add_document(pk="2", title="to be deleted")
    writer.commit()
    journal = RebuildJournal(tmp_path / "journal", tmp_path / ".rebuilding")
    journal.begin()
    journal.record_updates([{"pk": "1", "title": "first edit"}])
    journal.record_updates([{"pk": "1", "title": "second edit"}, {"pk": "3", "title": "new one"}])
    journal.record_updates([{"pk": "1", "title": "latest title"}])
    journal.record_updates([{"pk": "2", "title": "edited before deletion"}])
    journal.record_deletion("2")

    assert journal.replay(ix, {}) == 6
    assert titles_by_pk(ix) == [("1", "latest title"), ("3", "new one")]
    with ix.searcher() as searcher:
        assert len(searcher.search(Term("title", "first"))) == 0


def test_nothing_is_recorded_outside_a_rebuild(tmp_path):
    ix = new_index(tmp_path / "generation")
    journal = RebuildJournal(tmp_path / "journal", tmp_path / ".rebuilding")
    journal.record_updates([{"pk": "1", "title": "not during a rebuild"}])
    assert journal.replay(ix, {}) == 0
    assert titles_by_pk(ix) == []


def test_a_marker_left_by_a_killed_rebuild_stops_the_journal_growing(tmp_path, caplog):
    import subprocess

    ix = new_index(tmp_path / "generation")
    journal = RebuildJournal(tmp_path / "journal", tmp_path / ".rebuilding")
    journal.begin()
    journal.record_updates([{"pk": "1", "title": "during the rebuild"}])
    dead = subprocess.Popen(["true"])
    dead.wait()
    journal.marker.write_text(f"{dead.pid} 0\n")  # the rebuild's process was killed
    journal.record_updates([{"pk": "2", "title": "after it died"}])
    assert not journal.marker.exists() and not journal.path.exists()
    assert "update_index" in caplog.text
    assert journal.replay(ix, {}) == 0
