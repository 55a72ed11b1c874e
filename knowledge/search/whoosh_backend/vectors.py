"""Dense vectors of the indexed documents, kept beside the Whoosh index: meaning, not only words.

The backend option ``VECTORS`` names a callable (a dotted path) returning an embedder, or None
when none can be loaded; without one the search is lexical only. An embedder has
``documents(texts) -> float32 array (n, d)`` and ``query(text) -> float32 array (d,)``, both
L2-normalised, so a dot product is the cosine. ``VECTOR_FIELDS`` names the search fields whose
text is embedded (default: every searchable field).

Each generation folder holds one ``vectors.npz`` (document keys and their vectors), replaced
atomically: a reader sees the old file or the new one, never half of one. The folder is the
index's own, so a rebuild's new generation brings its own vectors and the swap switches both.
Brute force is enough: 10,000 x 384 float32 are 15 MB and one matrix-vector product (see
bench/search.py for the measured cost).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import uuid
from collections import OrderedDict

import numpy as np
from django.utils.module_loading import import_string

from .schema import SEARCH_PREFIX

logger = logging.getLogger("knowledge.search")

FILE_NAME = "vectors.npz"
#: A document's text is cut here before embedding: e5 reads at most 512 tokens anyway.
MAX_TEXT_CHARACTERS = 2000

_files: dict[str, tuple[tuple, list, np.ndarray]] = {}
_files_lock = threading.Lock()
_queries: OrderedDict = OrderedDict()
_QUERY_CACHE_SIZE = 256


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

    def document_vectors(self, docs) -> dict[str, np.ndarray]:
        """``{pk: vector}`` for Whoosh documents; empty without an embedder."""
        embedder = self.embedder()
        if embedder is None or not docs:
            return {}
        texts = [self.text_of(doc) for doc in docs]
        unique = list(dict.fromkeys(texts))  # a text is embedded once, however often it occurs
        rows = dict(zip(unique, embedder.documents(unique)))
        return {str(doc["pk"]): rows[text] for doc, text in zip(docs, texts)}

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


def load(folder) -> tuple[list[str], np.ndarray | None]:
    """``(keys, matrix)`` of a generation folder (cached until the file changes)."""
    path = os.path.join(folder, FILE_NAME)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return [], None
    signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    with _files_lock:
        cached = _files.get(path)
        if cached and cached[0] == signature:
            return cached[1], cached[2]
    with np.load(path, allow_pickle=False) as data:
        keys, matrix = [str(k) for k in data["keys"]], data["vectors"].astype(np.float32)
    with _files_lock:
        _files[path] = (signature, keys, matrix)
    return keys, matrix


def save(folder, keys, matrix):
    """Replace the folder's vectors atomically."""
    path = os.path.join(folder, FILE_NAME)
    tmp = os.path.join(folder, f".{FILE_NAME}.{uuid.uuid4().hex}.tmp.npz")
    keys = np.array(list(keys), dtype=str)
    np.savez(tmp, keys=keys, vectors=np.asarray(matrix, dtype=np.float32))
    os.replace(tmp, path)


def update(folder, vectors: dict[str, np.ndarray] | None = None, deleted=(), keep=None):
    """Write ``vectors`` (pk -> vector) into the folder's file, drop ``deleted`` pks and, when
    ``keep`` is given, every pk not in it. Called under the index's write lock."""
    vectors = vectors or {}
    keys, matrix = load(folder)
    rows = dict(zip(keys, matrix)) if matrix is not None else {}
    for pk in deleted:
        rows.pop(str(pk), None)
    if keep is not None:
        rows = {pk: row for pk, row in rows.items() if pk in keep}
    rows.update(vectors)
    if not rows and matrix is None:
        return
    dimensions = next(iter(rows.values())).shape[0] if rows else matrix.shape[1]
    stacked = np.vstack(list(rows.values())) if rows else np.zeros((0, dimensions), np.float32)
    save(folder, list(rows), stacked)


def discard(folder):
    with contextlib.suppress(FileNotFoundError):
        os.unlink(os.path.join(folder, FILE_NAME))
