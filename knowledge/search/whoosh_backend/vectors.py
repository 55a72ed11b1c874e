"""Dense vectors of the indexed documents, kept beside the Whoosh index: meaning, not only words.

The backend option ``VECTORS`` names a callable (a dotted path) returning an embedder, or None
when none can be loaded; without one the search is lexical only. An embedder has
``documents(texts) -> float32 array (n, d)`` and ``query(text) -> float32 array (d,)``, both
L2-normalised, so a dot product is the cosine. ``VECTOR_FIELDS`` names the search fields whose
text is embedded (default: every searchable field).

Each generation folder holds one ``vectors.npz`` (document keys, their vectors and a digest of
the text each vector was made from), replaced atomically: a reader sees the old file or the new
one, never half of one. The folder is the index's own, so a rebuild's new generation brings its
own vectors and the swap switches both. Brute force is enough: 10,000 x 384 float32 are 15 MB
and one matrix-vector product (see bench/search.py for the measured cost).

Embedding is what a rebuild with vectors spends its time on: e5 costs about 1.2 ms of one core
per token, so an experiment's title, summary, question and findings (about 100 tokens) cost
110 ms, where a one-line answer of the voices (20 tokens) costs 25 ms (measured with
bench/search_vectors.py's texts). The texts are embedded in one batch per chunk, and a text whose
digest (embedder name and text) is already stored is not embedded again: a rebuild of unchanged
experiments, or a republished page whose text did not change, reuses its vector.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
import zipfile
from collections import OrderedDict
from typing import NamedTuple

import numpy as np
from django.utils.module_loading import import_string

from .schema import SEARCH_PREFIX

logger = logging.getLogger("knowledge.search")

FILE_NAME = "vectors.npz"
#: A document's text is cut here before embedding: e5 reads at most 512 tokens anyway.
MAX_TEXT_CHARACTERS = 2000

_files: dict[str, tuple[tuple, list, np.ndarray, list]] = {}
_files_lock = threading.Lock()
_queries: OrderedDict = OrderedDict()
_QUERY_CACHE_SIZE = 256


class Embedded(NamedTuple):
    """A document's vector and the digest of the text it was made from."""

    digest: str
    vector: np.ndarray


class VectorSource:
    """The backend's embedder (loaded once per process by the configured callable) and the
    fields it reads."""

    def __init__(self, dotted_path, fields=None):
        self.dotted_path = dotted_path
        self.fields = [SEARCH_PREFIX + name for name in fields] if fields else None

    def embedder(self):
        if not self.dotted_path:
            return None
        try:
            return import_string(self.dotted_path)()
        except Exception:
            # Vectors widen a search; without them it still answers on its words.
            logger.exception("No embedder from %s; searching on words alone", self.dotted_path)
            return None

    def text_of(self, doc) -> str:
        """The text of a Whoosh document that its vector stands for."""
        names = self.fields or sorted(n for n in doc if n.startswith(SEARCH_PREFIX))
        return "\n".join(doc[n] for n in names if doc.get(n))[:MAX_TEXT_CHARACTERS]

    def digest(self, embedder, text: str) -> str:
        """What a stored vector was made from: the embedder (its ``name``) and the text."""
        name = getattr(embedder, "name", None) or self.dotted_path
        return hashlib.blake2b(f"{name}\0{text}".encode(), digest_size=12).hexdigest()

    def document_vectors(self, docs, known=None) -> dict[str, Embedded]:
        """``{pk: Embedded}`` for Whoosh documents; empty without an embedder. A text whose
        digest is in ``known`` (``{digest: vector}``, see :func:`known_vectors`) is not embedded
        again; the others are embedded in one batch, each distinct text once."""
        embedder = self.embedder()
        if embedder is None or not docs:
            return {}
        known = known or {}
        texts = [self.text_of(doc) for doc in docs]
        digests = [self.digest(embedder, text) for text in texts]
        missing = list(dict.fromkeys(t for t, d in zip(texts, digests) if d not in known))
        fresh = {}
        if missing:
            for text, vector in zip(missing, embedder.documents(missing)):
                fresh[self.digest(embedder, text)] = vector
        return {
            str(doc["pk"]): Embedded(digest, known[digest] if digest in known else fresh[digest])
            for doc, digest in zip(docs, digests)
        }

    def query_vector(self, text: str):
        """The query's vector (cached per process: a query costs one embedding), or None."""
        embedder = self.embedder()
        if embedder is None:
            return None
        key = (self.dotted_path, text)
        with _files_lock:
            if key in _queries:
                _queries.move_to_end(key)
                return _queries[key]
        vector = embedder.query(text)
        with _files_lock:
            _queries[key] = vector
            while len(_queries) > _QUERY_CACHE_SIZE:
                _queries.popitem(last=False)
        return vector


def _read(folder):
    """``(keys, matrix, digests)`` of a generation folder (cached until the file changes)."""
    path = os.path.join(folder, FILE_NAME)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return [], None, []
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    with _files_lock:
        cached = _files.get(path)
        if cached and cached[0] == signature:
            return cached[1:]
    try:
        with np.load(path, allow_pickle=False) as data:
            keys, matrix = [str(k) for k in data["keys"]], data["vectors"].astype(np.float32)
            # A file written before digests were stored: its vectors are used, never reused.
            digests = [str(d) for d in data["digests"]] if "digests" in data else [""] * len(keys)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        # Its own checks (each member's CRC) found it broken: words alone answer, and the next
        # write (or update_index) replaces it.
        logger.warning("The vectors in %s cannot be read; searching on words alone", path)
        return [], None, []
    with _files_lock:
        _files[path] = (signature, keys, matrix, digests)
    return keys, matrix, digests


def load(folder) -> tuple[list[str], np.ndarray | None]:
    """``(keys, matrix)`` of a generation folder."""
    keys, matrix, _ = _read(folder)
    return keys, matrix


def stored(folder) -> dict[str, Embedded]:
    """``{pk: Embedded}`` of a generation folder."""
    keys, matrix, digests = _read(folder)
    if matrix is None:
        return {}
    return {key: Embedded(digest, row) for key, digest, row in zip(keys, digests, matrix)}


def known_vectors(folder) -> dict[str, np.ndarray]:
    """``{digest: vector}`` of a folder's vectors: what need not be embedded again."""
    keys, matrix, digests = _read(folder)
    if matrix is None:
        return {}
    return {digest: row for digest, row in zip(digests, matrix) if digest}


def save(folder, rows: dict[str, Embedded]):
    """Replace the folder's vectors atomically."""
    path = os.path.join(folder, FILE_NAME)
    tmp = os.path.join(folder, f".{FILE_NAME}.{uuid.uuid4().hex}.tmp.npz")
    keys = np.array(list(rows), dtype=str)
    digests = np.array([row.digest for row in rows.values()], dtype=str)
    if rows:
        matrix = np.vstack([row.vector for row in rows.values()]).astype(np.float32)
    else:
        matrix = np.zeros((0, 0), np.float32)
    np.savez(tmp, keys=keys, digests=digests, vectors=matrix)
    os.replace(tmp, path)


def update(folder, vectors: dict[str, Embedded] | None = None, deleted=(), keep=None):
    """Write ``vectors`` (pk -> Embedded) into the folder's file, drop ``deleted`` pks and, when
    ``keep`` is given, every pk not in it. Called under the index's write lock."""
    rows = stored(folder)
    if not rows and not vectors and not os.path.exists(os.path.join(folder, FILE_NAME)):
        return
    for pk in deleted:
        rows.pop(str(pk), None)
    if keep is not None:
        rows = {pk: row for pk, row in rows.items() if pk in keep}
    rows.update(vectors or {})
    save(folder, rows)
