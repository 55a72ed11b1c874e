"""Behaviour of the Whoosh backend beyond modelsearch's conformance suite: Danish analysis end
to end, robustness (missing/corrupt index), concurrent writers, rebuild swap, suggestions.

Needs the conformance settings (it uses modelsearch's test app models)::

    pytest tests/conformance --ds=praksisnet.settings.conformance
"""

import multiprocessing
import os
import shutil
import threading
from datetime import date
from pathlib import Path

from django.test import TestCase
from modelsearch.backends import get_search_backend
from modelsearch.query import MATCH_ALL, Fuzzy, Phrase
from modelsearch.test.testapp import models

from knowledge.search.whoosh_backend import IndexLocation, WhooshSearchBackend


def make_book(title, summary="", pages=100):
    return models.Book.objects.create(
        title=title, summary=summary, publication_date=date(2024, 1, 1), number_of_pages=pages
    )


class WhooshTestCase(TestCase):
    def setUp(self):
        self.backend = get_search_backend("default")
        assert isinstance(self.backend, WhooshSearchBackend)
        self.backend.reset_indexes()

    def titles(self, query, model=models.Book, **kwargs):
        return {r.title for r in self.backend.search(query, model, **kwargs)}


class DanishSearchTests(WhooshTestCase):
    def setUp(self):
        super().setUp()
        make_book("Eleverne læste højt i klassen")
        make_book("Samarbejde med forældre", "Skole-hjem samtaler i Århus")
        make_book("Læseforståelse i indskolingen")
        make_book("Strategier", "Vi øver at læse og forståelse af tekster styrkes")
        make_book("Matematik i udskolingen", "Undervisning med konkrete materialer")
        make_book("Trivsel i frikvarteret")
        make_book("Bevægelse", "Trivsel og bevægelse hænger sammen")

    def test_stemming_inflections(self):
        self.assertIn("Eleverne læste højt i klassen", self.titles("elevernes læsning"))

    def test_folding_ae_oe_aa(self):
        self.assertEqual(self.titles("foraeldre"), {"Samarbejde med forældre"})
        self.assertEqual(self.titles("forældre"), {"Samarbejde med forældre"})
        self.assertEqual(self.titles("aarhus"), {"Samarbejde med forældre"})

    def test_compound_found_by_its_parts(self):
        self.assertIn("Læseforståelse i indskolingen", self.titles("læse forståelse"))

    def test_parts_found_by_compound(self):
        found = self.titles("læseforståelse")
        self.assertIn("Læseforståelse i indskolingen", found)
        self.assertIn("Strategier", found)

    def test_three_part_compound_found_by_its_parts(self):
        self.assertEqual(self.titles("læseforståelsesstrategier"), {"Strategier"})

    def test_no_compound_false_positive(self):
        self.assertEqual(self.titles("læsebånd"), set())

    def test_stop_words_ignored_unless_alone(self):
        self.assertEqual(self.titles("matematik og i"), {"Matematik i udskolingen"})

    def test_fuzzy_rescues_a_typo(self):
        self.assertEqual(self.titles("matematk"), set())
        self.assertEqual(self.titles(Fuzzy("matematk")), {"Matematik i udskolingen"})

    def test_phrase(self):
        self.assertEqual(self.titles(Phrase("konkrete materialer")), {"Matematik i udskolingen"})
        self.assertEqual(self.titles(Phrase("materialer konkrete")), set())

    def test_title_boost_beats_summary(self):
        results = list(self.backend.search("trivsel", models.Book))
        self.assertEqual([r.title for r in results], ["Trivsel i frikvarteret", "Bevægelse"])

    def test_autocomplete_folds(self):
        results = self.backend.autocomplete("foraeld", models.Book)
        self.assertEqual({r.title for r in results}, {"Samarbejde med forældre"})

    def test_suggestion(self):
        self.assertEqual(
            self.backend.suggest("matematk undervisnig", models.Book), "matematik undervisning"
        )
        self.assertIsNone(self.backend.suggest("matematik", models.Book))
        self.assertIsNone(self.backend.suggest("læseforståelse", models.Book))


class RobustnessTests(WhooshTestCase):
    def setUp(self):
        super().setUp()
        make_book("Læsning i indskolingen")
        self.index = self.backend.get_index_for_model(models.Book)

    def assert_unavailable(self):
        with self.assertLogs("knowledge.search", level="ERROR") as logs:
            results = self.backend.search("læsning", models.Book)
            self.assertEqual(list(results), [])
            self.assertEqual(results.count(), 0)
            self.assertTrue(results.index_unavailable)
        self.assertIn("unavailable", logs.output[0])
        self.assertFalse(self.backend.is_available(models.Book))

    def test_available(self):
        results = self.backend.search("læsning", models.Book)
        self.assertEqual(len(results), 1)
        self.assertFalse(results.index_unavailable)
        self.assertTrue(self.backend.is_available(models.Book))

    def test_missing_index_directory(self):
        shutil.rmtree(self.backend.path)
        self.assert_unavailable()
        # MATCH_ALL does not raise either
        self.assertEqual(list(self.backend.search(MATCH_ALL, models.Book)), [])

    def test_corrupt_index(self):
        live = self.index.location.live_path
        target = Path(os.path.realpath(live))
        IndexLocation._indexes.clear()  # as a fresh process would see it
        for f in target.iterdir():
            if f.is_file():
                f.write_bytes(b"\x00garbage\xff" * 3)
        self.assert_unavailable()

    def test_corrupt_segment_with_cached_reader(self):
        self.backend.search("læsning", models.Book).count()  # warm the caches
        target = Path(os.path.realpath(self.index.location.live_path))
        for f in target.iterdir():
            if f.suffix in (".seg", ".trm", ".pst", ".toc"):
                f.unlink()
        IndexLocation._indexes.clear()
        IndexLocation._local.__dict__.clear()
        self.assert_unavailable()

    def test_writes_recreate_a_missing_index(self):
        shutil.rmtree(self.backend.path)
        make_book("Ny bog om læsning")
        self.assertEqual(self.titles("læsning"), {"Ny bog om læsning"})


def _write_many(path, worker, count):
    """Child process: index ``count`` unsaved MPAnimal instances one commit at a time."""
    backend = WhooshSearchBackend({"PATH": path, "LANGUAGE": "da"})
    index = backend.get_index_for_model(models.MPAnimal)
    for i in range(count):
        pk = worker * 1000 + i
        index.add_items(models.MPAnimal, [models.MPAnimal(pk=pk, name=f"dyr{pk} kat")])


class ConcurrencyTests(WhooshTestCase):
    def test_concurrent_writer_processes_all_land(self):
        path = str(Path(self.backend.path) / "concurrency")
        workers, per_worker = 4, 15
        ctx = multiprocessing.get_context("fork")
        procs = [
            ctx.Process(target=_write_many, args=(path, w, per_worker)) for w in range(workers)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        self.assertEqual([p.exitcode for p in procs], [0] * workers)

        backend = WhooshSearchBackend({"PATH": path, "LANGUAGE": "da"})
        searcher = backend.get_index_for_model(models.MPAnimal).location.searcher()
        self.assertEqual(searcher.doc_count(), workers * per_worker)
        pks = {
            searcher.stored_fields(d)["pk"]
            for d in range(searcher.reader().doc_count_all())
            if not searcher.reader().is_deleted(d)
        }
        self.assertEqual(
            pks, {str(w * 1000 + i) for w in range(workers) for i in range(per_worker)}
        )

    def test_concurrent_writer_threads(self):
        path = str(Path(self.backend.path) / "threads")
        threads = [threading.Thread(target=_write_many, args=(path, w, 10)) for w in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        backend = WhooshSearchBackend({"PATH": path, "LANGUAGE": "da"})
        searcher = backend.get_index_for_model(models.MPAnimal).location.searcher()
        self.assertEqual(searcher.doc_count(), 30)


class RebuildTests(WhooshTestCase):
    def test_search_keeps_answering_during_rebuild_and_swap_is_atomic(self):
        make_book("Gammel bog om læsning")
        index = self.backend.get_index_for_model(models.Book)
        live = index.location.live_path
        self.assertTrue(live.is_symlink())
        before = os.path.realpath(live)

        rebuilder = self.backend.rebuilder_class(index)
        bulk = rebuilder.start()
        bulk.add_model(models.Book)
        new_book = models.Book(
            pk=999,
            title="Helt ny bog om læsning",
            publication_date=date(2024, 1, 1),
            number_of_pages=1,
        )
        bulk.add_items(models.Book, [new_book])
        # Mid-rebuild the old index still answers.
        self.assertEqual(self.titles("læsning"), {"Gammel bog om læsning"})
        rebuilder.finish()

        after = os.path.realpath(live)
        self.assertNotEqual(before, after)
        searcher = index.location.searcher()
        self.assertEqual([f["pk"] for f in searcher.all_stored_fields()], ["999"])

    def test_rebuild_command_indexes_every_document(self):
        # Throughput is measured in bench/search.py; here only that a full rebuild loses nothing.
        from io import StringIO

        from django.core import management

        models.Book.objects.bulk_create(
            models.Book(
                title=f"Bog {i} om læsning og trivsel",
                summary="Elever og forældre " * 5,
                publication_date=date(2024, 1, 1),
                number_of_pages=i,
            )
            for i in range(1000)
        )
        management.call_command(
            "rebuild_modelsearch_index", backend_name="default", stdout=StringIO()
        )
        self.assertEqual(self.backend.search("trivsel", models.Book).count(), 1000)


class RebuildJournalTests(WhooshTestCase):
    def test_writes_during_a_rebuild_are_not_lost(self):
        old = make_book("Gammel bog om trivsel")
        index = self.backend.get_index_for_model(models.Book)
        rebuilder = self.backend.rebuilder_class(index)
        bulk = rebuilder.start()
        bulk.add_model(models.Book)
        bulk.add_items(models.Book, list(models.Book.objects.all()))
        # Published and deleted while the rebuild is running (after it read the database):
        make_book("Ny bog om trivsel skrevet under genopbygningen")
        index.delete_item(old)
        rebuilder.finish()
        self.assertEqual(self.titles("trivsel"), {"Ny bog om trivsel skrevet under genopbygningen"})
        self.assertEqual(self.backend.suggest("genopbygnigen", models.Book), "genopbygningen")
        self.assertFalse(index.location.journal_path.exists())


class UpdateTests(WhooshTestCase):
    def test_updated_document_is_not_found_by_its_old_text(self):
        # Regression: Whoosh's Searcher.refresh() reuses segment readers with stale deletions.
        for i in range(5):
            make_book(f"Fyld {i}")
        book = make_book("Vandmeloner og brøker")
        self.assertEqual(self.titles("vandmeloner"), {"Vandmeloner og brøker"})  # warm the searcher
        book.title = "Ananas og brøker"
        book.save()
        self.assertEqual(self.titles("ananas"), {"Ananas og brøker"})
        self.assertEqual(self.titles("vandmeloner"), set())
