"""A fingerprint of an index generation's files, recorded at each commit and checked on reading.

Whoosh reads its segment files through mmap: a segment cut short by a full disk or a bad copy
can kill the process reading it (SIGBUS), and bytes overwritten inside a segment go unnoticed
until a search trips over them. So every commit records each file's size, mtime and SHA-256 in
``checksums.json`` beside the files (segments never change once written, so only new files are
hashed). Opening an index checks every hash; each new or reused searcher first checks sizes and
mtimes only (a few ``stat`` calls), and hashes a file again only when its mtime moved.

A file written after the last record (a commit in progress) or removed since (merged away) is
not judged; only a file the record knows that now differs is reported.
"""

from __future__ import annotations

import hashlib
import json
import os

MANIFEST = "checksums.json"
#: Not segments: rewritten in place (the spelling vocabulary; the vectors, replaced whole by a
#: rename before the commit that records them, so a reader in between saw a new file under the
#: old record and called the index corrupt: the search page found nothing while editors
#: published), or locks and markers.
_NOT_SEGMENTS = (MANIFEST, "spelling_vocabulary.txt", "vectors.npz", ".building")


class IndexCorrupt(Exception):
    """A segment file differs from what its commit recorded."""


def _segment_files(folder):
    for name in sorted(os.listdir(folder)):
        if name in _NOT_SEGMENTS or name.endswith((".tmp", "LOCK", ".lock")):
            continue
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            yield name, path


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _load(folder):
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as fh:
            return json.load(fh)
    except (FileNotFoundError, ValueError):
        return {}


def record(folder):
    """Write the fingerprint of the folder's files (called under the index's write lock)."""
    folder = str(folder)
    previous = _load(folder)
    entries = {}
    for name, path in _segment_files(folder):
        stat = os.stat(path)
        known = previous.get(name)
        if known and known["size"] == stat.st_size and known["mtime_ns"] == stat.st_mtime_ns:
            entries[name] = known
        else:
            entries[name] = {
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
                "sha256": _sha256(path),
            }
    tmp = os.path.join(folder, f"{MANIFEST}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(entries, fh)
    os.replace(tmp, os.path.join(folder, MANIFEST))


def verify(folder, full=False):
    """Raise IndexCorrupt naming the first file that differs from the record.

    ``full``: hash every file (on opening an index); else only the sizes and mtimes, hashing a
    file whose mtime moved. A folder without a record (an index from before records) passes.
    """
    folder = str(folder)
    entries = _load(folder)
    for name, expected in entries.items():
        path = os.path.join(folder, name)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            continue  # merged away by a later commit
        if stat.st_size != expected["size"]:
            raise IndexCorrupt(
                f"{path} is {stat.st_size} bytes, its commit wrote {expected['size']}"
            )
        if (full or stat.st_mtime_ns != expected["mtime_ns"]) and _sha256(path) != expected[
            "sha256"
        ]:
            raise IndexCorrupt(f"{path} differs from what its commit wrote (checksum)")
