"""Where an index lives on disk: the live symlink, its generations, the writer lock, the
rebuild journal and the cached readers.

The live index ``<PATH>/<key>`` is a symlink to a generation directory. A rebuild writes a new
generation beside it and swaps the symlink atomically, so searches keep answering meanwhile.
Writers are serialised with an ``flock`` on ``<PATH>/<key>.lock`` (blocking, so several
processes can publish at once and all land) and Whoosh's own lock is retried behind it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import threading
import time
import uuid
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError

from . import checksums
from .schema import build_schema, fit_to_schema
from .writers import CODEC, end_failed

logger = logging.getLogger("knowledge.search")

#: File present in a generation directory while a rebuild is filling it.
BUILDING_MARKER = ".building"


class IndexUnavailable(Exception):
    """The index directory is missing or cannot be read."""


class WriterLock:
    """An exclusive, blocking, inter-process lock (``flock``) on a file beside the index."""

    def __init__(self, path: Path):
        self.path = path

    @contextlib.contextmanager
    def hold(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class RebuildJournal:
    """The writes made while a rebuild fills a new generation, to be replayed into it.

    Those writes go to the live index, which the swap is about to replace, so they are also
    appended here (one JSON object a line, ``{"op": "update", "doc": {...}}`` or
    ``{"op": "delete", "pk": "..."}``) and replayed into the new generation, under the write
    lock, right before it is swapped in. Only this class reads or writes that format.
    """

    def __init__(self, path: Path, marker: Path):
        self.path = path
        #: Present while a rebuild is in progress: only then are writes recorded.
        self.marker = marker

    def begin(self):
        """Called under the write lock: start recording, with an empty journal."""
        self.marker.write_text(f"{os.getpid()} {time.time()}\n")
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def record_updates(self, docs):
        """Called under the write lock, like the two below."""
        self._append({"op": "update", "doc": doc} for doc in docs)

    def record_deletion(self, pk: str):
        self._append([{"op": "delete", "pk": pk}])

    def recording(self):
        """Whether a rebuild is running. A marker left by a rebuild that was killed (its
        process is gone) is stale: it is removed, with its journal, so nothing grows unseen."""
        try:
            pid = int(self.marker.read_text().split()[0])
        except (FileNotFoundError, ValueError, IndexError):
            return self.marker.exists()
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            logger.warning(
                "A rebuild (process %s) ended without cleaning up; its journal was "
                "dropped. Run manage.py update_index to rebuild the index.",
                pid,
            )
            self.end()
            return False
        except PermissionError:
            pass  # alive, as another user
        return True

    def _append(self, entries):
        if not self.recording():
            return
        with open(self.path, "a", encoding="utf-8") as fh:
            for entry in entries:
                fh.write(json.dumps(entry) + "\n")

    def _entries(self):
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)

    def replay(self, ix, writer_args) -> int:
        """Apply the journalled writes to the index ``ix``; returns how many there were.

        Only the last write of each document counts. Whoosh's update_document replaces the
        documents of earlier commits, not those added in the same writer, so replaying two
        updates of one experiment in one writer would leave both (old titles kept matching).
        """
        if not self.path.exists():
            return 0
        last, replayed = {}, 0
        for entry in self._entries():
            pk = entry["pk"] if entry["op"] == "delete" else str(entry["doc"]["pk"])
            last.pop(pk, None)  # re-insert: the order of last writes is kept
            last[pk] = entry
            replayed += 1
        writer = ix.writer(**writer_args)
        try:
            for pk, entry in last.items():
                writer.delete_by_term("pk", pk)
                if entry["op"] == "update":
                    writer.add_document(**fit_to_schema(entry["doc"], writer.schema))
            writer.commit()
        except BaseException:
            end_failed(writer)
            raise
        return replayed

    def updated_documents(self):
        """The documents of the journalled updates, in the order they were written."""
        for entry in self._entries():
            if entry["op"] == "update":
                yield entry["doc"]

    def end(self):
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.abort()

    def abort(self):
        with contextlib.suppress(FileNotFoundError):
            self.marker.unlink()


class IndexLocation:
    """Where one index lives on disk: live symlink, generations, lock file, cached readers."""

    _indexes: dict[str, object] = {}
    _indexes_lock = threading.Lock()
    _local = threading.local()

    WRITER_ARGS = {"limitmb": 64, "procs": 1, "codec": CODEC}

    def __init__(self, root: Path, key: str, analyzer):
        self.root = Path(root)
        self.key = key
        self.analyzer = analyzer
        self.live_path = self.root / key
        self.lock = WriterLock(self.root / f"{key}.lock")
        self.rebuild_marker = self.root / f"{key}.rebuilding"
        self.journal_path = self.root / f"{key}.journal"
        self.journal = RebuildJournal(self.journal_path, self.rebuild_marker)

    # -- reading ---------------------------------------------------------------------------

    def _open(self, path: str):
        with self._indexes_lock:
            for stale in [p for p in self._indexes if not os.path.isdir(p)]:
                del self._indexes[stale]
            ix = self._indexes.get(path)
            if ix is None:
                checksums.verify(path, full=True)
                ix = whoosh_index.open_dir(path)
                self._indexes[path] = ix
            return ix

    def open(self):
        """The live Whoosh index; raises IndexUnavailable if it is missing or unreadable."""
        if not self.live_path.exists():
            raise IndexUnavailable(f"search index directory {self.live_path} does not exist")
        path = os.path.realpath(self.live_path)
        try:
            return self._open(path)
        except checksums.IndexCorrupt as exc:
            raise IndexUnavailable(f"search index {self.live_path} is corrupt: {exc}") from exc
        except Exception as exc:  # EmptyIndexError, corrupt TOC, permissions...
            with self._indexes_lock:
                self._indexes.pop(path, None)
            raise IndexUnavailable(
                f"search index {self.live_path} cannot be opened: {exc!r}"
            ) from exc

    def searcher(self):
        """A (per thread, cached and refreshed) searcher on the live index."""
        ix = self.open()
        path = ix.storage.folder
        cache = self._local.__dict__.setdefault("searchers", {})
        searcher = cache.get(self.key)
        try:
            # Before Whoosh touches a mapped segment: one cut short would kill the process.
            checksums.verify(path)
            # Not Searcher.refresh(): its reader reuse keeps a segment's old deletion set, so a
            # document replaced by update_document() would stay findable under its old text.
            if (
                searcher is not None
                and searcher._ix is ix
                and ix.latest_generation() == searcher.reader().generation()
            ):
                return searcher
            if searcher is not None:
                searcher.close()
            searcher = cache[self.key] = ix.searcher()
            return searcher
        except Exception as exc:
            cache.pop(self.key, None)
            with self._indexes_lock:
                self._indexes.pop(path, None)
            raise IndexUnavailable(f"search index {self.live_path} cannot be read: {exc}") from exc

    # -- rebuilding ------------------------------------------------------------------------

    def begin_rebuild(self):
        with self.lock.hold():
            self.root.mkdir(parents=True, exist_ok=True)
            self.journal.begin()

    def finish_rebuild(self, generation: Path, before_swap):
        """Replay the journal into ``generation``, run ``before_swap``, then swap; all locked."""
        with self.lock.hold():
            ix = whoosh_index.open_dir(str(generation))
            replayed = self.journal.replay(ix, self.WRITER_ARGS)
            before_swap(replayed)
            checksums.record(generation)
            self._swap_locked(generation)
            self.journal.end()
            return replayed

    def abort_rebuild(self):
        self.journal.abort()

    # -- writing ---------------------------------------------------------------------------

    def new_generation(self) -> Path:
        """Create an empty index directory beside the live one."""
        self.root.mkdir(parents=True, exist_ok=True)
        gen = self.root / f"{self.key}.{time.strftime('%Y%m%d%H%M%S')}.{uuid.uuid4().hex[:8]}"
        gen.mkdir()
        (gen / BUILDING_MARKER).touch()
        whoosh_index.create_in(str(gen), build_schema(self.analyzer))
        checksums.record(gen)
        return gen

    def _swap_locked(self, generation: Path):
        """Atomically point the live symlink at ``generation``; keep one previous generation."""
        previous = os.path.realpath(self.live_path) if self.live_path.exists() else None
        if self.live_path.exists() and not self.live_path.is_symlink():
            # Legacy plain directory: move it aside first (not atomic, happens once).
            aside = self.root / f"{self.key}.legacy.{uuid.uuid4().hex[:8]}"
            os.rename(self.live_path, aside)
            previous = str(aside)
        with contextlib.suppress(FileNotFoundError):
            (generation / BUILDING_MARKER).unlink()
        tmp = self.root / f".{self.key}.{uuid.uuid4().hex}.tmp"
        os.symlink(generation.name, tmp)
        os.replace(tmp, self.live_path)
        self._prune(keep={str(generation.resolve()), previous})

    def _prune(self, keep):
        for entry in self.root.glob(f"{self.key}.*"):
            if entry.name == f"{self.key}.lock" or not entry.is_dir() or entry.is_symlink():
                continue
            if str(entry.resolve()) in keep:
                continue
            marker = entry / BUILDING_MARKER
            # A generation still being built by a concurrent rebuild is left alone (for a day).
            if marker.exists() and time.time() - marker.stat().st_mtime < 86400:
                continue
            shutil.rmtree(entry, ignore_errors=True)

    def _ensure_live_locked(self):
        if not self.live_path.exists():
            if self.live_path.is_symlink():  # dangling
                self.live_path.unlink()
            self._swap_locked(self.new_generation())

    @contextlib.contextmanager
    def writer(self, timeout: float = 120.0):
        """Exclusive writer on the live index; commits on success, cancels on error."""
        with self.lock.hold():
            self._ensure_live_locked()
            ix = self.open()
            deadline = time.monotonic() + timeout
            while True:
                try:
                    writer = ix.writer(timeout=1.0, **self.WRITER_ARGS)
                    break
                except LockError:
                    # Someone not using our flock (e.g. a crashed process' stale lock) holds it.
                    if time.monotonic() > deadline:
                        raise RuntimeError(
                            f"could not obtain the Whoosh write lock on {self.live_path} in {timeout:.0f}s"
                        ) from None
            try:
                yield writer
                writer.commit()
            except BaseException:
                end_failed(writer)
                raise
            checksums.record(ix.storage.folder)

    def reset(self):
        """Replace the live index by an empty one."""
        with self.lock.hold():
            self._swap_locked(self.new_generation())
