"""A deterministic stand-in for the e5 embedder in the hybrid search tests (VECTORS option).

Texts are vectors of the concepts they name (a few word stems each), plus a constant part, so
texts sharing no concept have cosine 0.8 (below the backend's MIN_SIMILARITY) and a one-concept
query is nearest to the texts naming that concept, whatever words they use. A text naming no
concept points its own way (a dimension picked by a checksum of the text).
"""

import zlib

import numpy as np

DIMENSIONS = 384
CONCEPTS = [
    ("brøk", "pizza", "kage", "bage", "halve"),  # parts of a whole
    ("fravær", "pjæk", "mødetid"),
    ("frikvarter", "fodbold"),
    ("kilde", "nyhed", "afsender"),
]
BASE = 2.0


class ConceptEmbedder:
    def _vector(self, text):
        text = text.lower()
        vector = np.zeros(DIMENSIONS, dtype=np.float32)
        vector[0] = BASE
        for i, stems in enumerate(CONCEPTS, start=1):
            if any(stem in text for stem in stems):
                vector[i] = 1.0
        if not vector[1:].any():
            vector[100 + zlib.crc32(text.encode()) % 200] = 1.0
        return vector / np.linalg.norm(vector)

    def documents(self, texts):
        return np.vstack([self._vector(t) for t in texts]) if texts else np.zeros((0, DIMENSIONS))

    def query(self, text):
        return self._vector(text)


def concept_embedder():
    return ConceptEmbedder()
