"""A full rebuild spread over worker processes (knowledge/search/whoosh_backend/bulk_writing.py) gives the
same index as the ordinary one-document-at-a-time writer, and fails safely when a worker dies.

Needs the conformance settings (modelsearch's test app models)::

    pytest tests/conformance --ds=praksisnet.settings.conformance
"""

import multiprocessing
import os
import random
from datetime import date
from unittest import mock

from modelsearch.test.testapp import models

from knowledge.search.whoosh_backend import bulk_writing
from knowledge.search.whoosh_backend.bulk_writing import (
    BulkSubWriterTask,
    ParallelBulkWriter,
    WorkerFailed,
)

from .test_whoosh_backend import WhooshTestCase

WORDS = (
    "læsning trivsel elever forældre brøker matematik bevægelse frikvarter skrivning respons "
    "feedback udeskole naturfag lydbøger klassens time samarbejde makkerpar højtlæsning"
).split()
QUERIES = [
    "læsning",
    "trivsel elever",
    "brøker",
    "feedback respons",
    "lydbøger",
    "udeskole naturfag",
]


def make_books(count, seed=7):
    rng = random.Random(seed)
    models.Book.objects.bulk_create(
        models.Book(
            title=" ".join(rng.choices(WORDS, k=rng.randint(1, 4))),
            summary=" ".join(rng.choices(WORDS, k=rng.randint(0, 30))),
            publication_date=date(2024, 1, 1),
            number_of_pages=i,
        )
        for i in range(count)
    )


class ParallelRebuildTests(WhooshTestCase):
    def setUp(self):
        super().setUp()
        self.index = self.backend.get_index_for_model(models.Book)
        make_books(300)

    def set_writer(self, **attributes):
        """Change ParallelBulkWriter's class settings for this test only."""
        for name, value in attributes.items():
            self.enterContext(mock.patch.object(ParallelBulkWriter, name, value))

    def rebuild(self, processes):
        self.backend.index_processes = processes
        rebuilder = self.backend.rebuilder_class(self.index)
        bulk = rebuilder.start()
        bulk.add_model(models.Book)
        bulk.add_items(models.Book, list(models.Book.objects.order_by("pk")))
        rebuilder.finish()

    def ranked(self, query):
        """(pk, score) best first; equal scores by pk (their order follows the segments)."""
        results = self.backend.search(query, models.Book).annotate_score("_score")
        return sorted(
            ((book.pk, round(book._score, 6)) for book in results),
            key=lambda hit: (-hit[1], hit[0]),
        )

    def test_workers_write_one_segment_each_and_rank_exactly_like_the_ordinary_writer(self):
        # The ordinary path: every book written through the live index's normal Whoosh writer.
        self.index.add_items(models.Book, list(models.Book.objects.order_by("pk")))
        self.assertEqual(len(self.index.location.searcher().reader().leaf_readers()), 1)
        expected = {query: self.ranked(query) for query in QUERIES}
        self.assertTrue(all(expected.values()))

        self.set_writer(BATCH_SIZE=40)
        self.rebuild(processes=2)

        reader = self.index.location.searcher().reader()
        self.assertEqual(len(reader.leaf_readers()), 2)
        self.assertEqual(reader.doc_count(), 300)
        for query in QUERIES:
            # Same documents, same order, same BM25F scores: field lengths and statistics agree.
            self.assertEqual(self.ranked(query), expected[query], query)
        self.assertEqual(multiprocessing.active_children(), [])

    def postings(self):
        """Every term's postings with the field-length bounds Whoosh keeps per block (used to
        skip blocks that cannot reach the top hits)."""
        reader = self.index.location.searcher().reader()
        out = {}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            out[(fieldname, text)] = (
                list(matcher.all_items()),
                matcher.block_min_length(),
                matcher.block_max_length(),
            )
        return out

    def test_the_bulk_writer_stores_the_same_postings_as_the_ordinary_writer(self):
        self.index.add_items(models.Book, list(models.Book.objects.order_by("pk")))
        ordinary = self.postings()
        self.rebuild(processes=1)
        self.assertEqual(self.postings(), ordinary)

    def test_workers_near_their_memory_limit_write_more_segments_and_rank_the_same(self):
        self.rebuild(processes=1)
        expected = {query: self.ranked(query) for query in QUERIES}
        self.set_writer(BATCH_SIZE=20, LIMIT_MB=0.1)  # 0.1 MB: about a hundred books' postings
        self.rebuild(processes=2)
        reader = self.index.location.searcher().reader()
        self.assertGreater(len(reader.leaf_readers()), 2)
        self.assertEqual(reader.doc_count(), 300)
        self.assertEqual({query: self.ranked(query) for query in QUERIES}, expected)

    def test_a_single_process_rebuild_ranks_like_the_parallel_one(self):
        self.set_writer(BATCH_SIZE=40)
        self.rebuild(processes=2)
        parallel = {query: self.ranked(query) for query in QUERIES}
        self.rebuild(processes=1)
        self.assertEqual(len(self.index.location.searcher().reader().leaf_readers()), 1)
        self.assertEqual({query: self.ranked(query) for query in QUERIES}, parallel)

    def test_a_worker_that_dies_fails_the_rebuild_and_the_live_index_keeps_answering(self):
        self.rebuild(processes=1)
        before = self.ranked("læsning")
        live = os.path.realpath(self.index.location.live_path)

        def die(task, filename, doc_count):
            os._exit(3)  # as if killed (out of memory) halfway through

        self.enterContext(mock.patch.object(BulkSubWriterTask, "_process_file", die))
        self.set_writer(POLL_SECONDS=0.1)

        with self.assertRaises(WorkerFailed) as raised:
            self.rebuild(processes=2)
        self.assertIn("exit codes [3", str(raised.exception))
        self.assertEqual(os.path.realpath(self.index.location.live_path), live)
        self.assertEqual(self.ranked("læsning"), before)
        self.assertFalse(self.index.location.rebuild_marker.exists())
        self.assertEqual(multiprocessing.active_children(), [])


def test_default_processes_is_between_one_and_four():
    assert 1 <= bulk_writing.default_processes() <= 4
