"""Whoosh writers tuned for building a whole index in one go (``update_index``).

Whoosh's ``SegmentWriter`` is made for small, frequent commits. Two of its habits cost most
of a full rebuild's time:

* When a segment is flushed, it asks the per-document file for the field length of every
  single posting (a seek and a read each; an experiment has about 200 postings).
  ``BulkSegmentWriter`` reads each length column once into memory instead.
* It spills postings to temporary files and merges them back once they pass ``limitmb``
  (128 MB by default; 10,000 experiments need about 400 MB). A rebuild passes a larger limit,
  and a rebuild's worker writes out a segment when it nears it, rather than spill.

``ParallelBulkWriter`` then spreads the analysis and the flush over worker processes, each
writing its own segments (Whoosh's own multi-process writer, with the bulk writer in every
worker), while the main process keeps reading the database. The segments are ordinary Whoosh segments:
readers cannot tell how they were written.
"""

from __future__ import annotations

import os
from queue import Empty, Full

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import PostingPool, SegmentWriter

from .writers import CODEC

#: Postings kept in memory before Whoosh spills them to disk (per writer process).
BULK_LIMIT_MB = 512


class PreloadedLengths:
    """``doc_field_length`` answered from memory, each field's lengths read once."""

    def __init__(self, reader, doc_count):
        self.reader = reader
        self.doc_count = doc_count
        self.columns = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        column = self.columns.get(fieldname)
        if column is None:
            length = self.reader.doc_field_length
            column = self.columns[fieldname] = [
                length(d, fieldname, default) for d in range(self.doc_count)
            ]
        return column[docnum]


class BulkPostingPool(PostingPool):
    """Whoosh's posting pool with a cheaper ``add``: the same size estimate in one expression,
    without the type assertions (the writer passes bytes) it makes per posting."""

    #: PostingPool.add's estimate of a posting's size apart from its term and value bytes.
    POSTING_OVERHEAD = 28 + 4 * 5 + 21 + 26 + 18 + 16 + 21

    def add(self, item):
        fieldname, tbytes, _docnum, _weight, vbytes = item
        self.fieldnames.add(fieldname)
        self.currentsize += (
            self.POSTING_OVERHEAD + len(fieldname) + 2 * len(tbytes) + len(vbytes or b"")
        )
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)


class BulkSegmentWriter(SegmentWriter):
    """A writer filling one large new segment (see the module docstring)."""

    def __init__(self, ix, limitmb=BULK_LIMIT_MB, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = BulkPostingPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def _flush_segment(self):
        # SegmentWriter._flush_segment, with the lengths read from memory.
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        lengths = PreloadedLengths(reader, self.docnum) if reader is not None else None
        try:
            self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
            self.fieldwriter.close()
        finally:
            if reader is not None:
                reader.close()


class BulkSubWriterTask(SubWriterTask):
    """Whoosh's worker process, writing with ``BulkSegmentWriter``.

    When its postings near the memory limit, the worker writes out a segment and starts the
    next one, instead of letting Whoosh spill them to disk and merge them back (which doubled
    the workers' time at 50,000 experiments). It reports all its segments at the end.
    """

    #: Share of the memory limit at which a worker writes out its segment (a batch of
    #: documents is added on top before the next check, so leave room for one).
    SEGMENT_FILL = 0.75

    def run(self):
        ix = self.storage.open_index(self.indexname)
        segments = []
        writer = self.writer = BulkSegmentWriter(ix, _lk=False, **self.kwargs)
        while True:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
            if writer.pool.currentsize > writer.pool.limit * self.SEGMENT_FILL:
                segments.append(writer._finalize_segment())
                writer = self.writer = BulkSegmentWriter(ix, _lk=False, **self.kwargs)
        # The temporary folder is shared with the other writers; the main writer removes it.
        if writer._added:
            segments.append(writer._finalize_segment())
        else:
            writer._close_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segments), timeout=60)


class ParallelBulkWriter(MpWriter):
    """Documents go in batches to ``procs`` worker processes, each writing its own segment.

    Whoosh's ``MpWriter`` with three changes: the workers use ``BulkSegmentWriter``; a worker
    that dies fails the commit instead of silently dropping its documents (Whoosh waits a
    second for each result and keeps what came); and the workers are daemons that ``cancel``
    stops, so a rebuild that fails half-way cannot leave processes waiting for work.
    """

    #: Documents per batch handed to a worker (pickled through a temporary file).
    BATCH_SIZE = 250
    #: Postings each worker keeps in memory before it writes out a segment (MB, estimated).
    LIMIT_MB = BULK_LIMIT_MB
    #: Seconds between checks that the workers are still alive while waiting on them.
    POLL_SECONDS = 1.0

    def __init__(self, ix, procs, **kwargs):
        super().__init__(
            ix,
            procs=procs,
            batchsize=self.BATCH_SIZE,
            multisegment=True,
            limitmb=self.LIMIT_MB,
            **kwargs,
        )
        self.jobqueue = WatchedQueue(self.jobqueue, self.tasks, self.POLL_SECONDS)
        self.resultqueue = WatchedQueue(self.resultqueue, self.tasks, self.POLL_SECONDS)

    def _new_task(self):
        task = BulkSubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue.queue,
            self.resultqueue.queue,
            self.subargs,
            self.multisegment,
        )
        task.daemon = True
        self.tasks.append(task)
        task.start()
        return task

    def _commit(self, mergetype, optimize, merge):
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        # Collect before joining: a worker cannot exit while its result sits in a full pipe.
        results = [self.resultqueue.get() for _ in self.tasks]
        for task in self.tasks:
            task.join()
        segments = [segment for _, _, worker_segments in results for segment in worker_segments]
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(segments)
        self._finish()

    def cancel(self):
        for task in self.tasks:
            task.terminate()
            task.join()
        if not self.is_closed:
            SegmentWriter.cancel(self)


class WorkerFailed(RuntimeError):
    """A search index worker process ended without finishing its work."""


class WatchedQueue:
    """A multiprocessing queue whose blocking calls give up once every worker has died."""

    def __init__(self, queue, workers, poll_seconds):
        self.queue = queue
        self.workers = workers
        self.poll_seconds = poll_seconds

    def _check_workers(self):
        if self.workers and not any(worker.is_alive() for worker in self.workers):
            codes = [worker.exitcode for worker in self.workers]
            raise WorkerFailed(f"search index worker processes ended early (exit codes {codes})")

    def put(self, item):
        while True:
            try:
                return self.queue.put(item, timeout=self.poll_seconds)
            except Full:
                self._check_workers()

    def get(self):
        while True:
            try:
                return self.queue.get(timeout=self.poll_seconds)
            except Empty:
                self._check_workers()


def default_processes() -> int:
    """Worker processes for a rebuild: one per CPU the process may use, at most four."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(4, cpus))


def bulk_writer(ix, processes: int):
    """The fastest bulk writer for ``processes`` (1: in this process, no workers)."""
    if processes <= 1:
        return BulkSegmentWriter(ix, codec=CODEC)
    return ParallelBulkWriter(ix, procs=processes, codec=CODEC)
