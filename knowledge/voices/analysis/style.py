"""How an answer is written, apart from what it says: its length, word length, capitals,
punctuation and share of small words, and the sentence vectors with that part taken out.

e5 places a pupil's "mindre tid på mobilen lol" nearer other pupils' short, lowercase answers
than an adult's long, formal answer saying the same, so themes found in raw e5 vectors follow
who wrote. The part of the vectors that these surface measures predict (a least-squares fit over
all answers) is removed. Nothing here knows the respondents' groups: what a group says more
often than others stays in the vectors (tests/knowledge/voices/picture/test_differences.py).
"""

from __future__ import annotations

import numpy as np
from sklearn.preprocessing import normalize

from .normalise import ANSWER_STOP_WORDS, folded_words

_PUNCTUATION = frozenset(".,;:!?")


def style_features(texts: list[str]) -> np.ndarray:
    """Answers × surface measures, each standardised (mean 0, standard deviation 1)."""
    rows = []
    for text in texts:
        words = folded_words(text)
        count = max(len(words), 1)
        letters = [c for c in text if c.isalpha()]
        rows.append(
            [
                np.log1p(len(words)),
                sum(len(w) for w in words) / count,
                sum(c.isupper() for c in letters) / max(len(letters), 1),
                sum(c in _PUNCTUATION for c in text) / count,
                sum(w in ANSWER_STOP_WORDS for w in words) / count,
            ]
        )
    features = np.asarray(rows, dtype=np.float64)
    features -= features.mean(axis=0)
    spread = features.std(axis=0)
    return features / np.where(spread > 0, spread, 1.0)


def without_style(vectors: np.ndarray, texts: list[str]) -> np.ndarray:
    """Sentence vectors centred (e5 puts every Danish sentence in one narrow cone, cosines
    0.8-0.95) and without the part the surface measures predict, re-normalised."""
    centred = vectors.astype(np.float64) - vectors.mean(axis=0, keepdims=True)
    features = style_features(texts)
    fit, *_ = np.linalg.lstsq(features, centred, rcond=None)
    return normalize(centred - features @ fit).astype(np.float32)
