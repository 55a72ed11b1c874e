"""The analysis the site runs: answers in, themes with names, quotes and unique voices out.

Steps: vectors (text features, plus the stored e5 vectors when every answer has one; answers
without a vector are embedded here if the model is installed), average-linkage merging that
stops where answers stop being alike (at most ``MAX_THEMES`` themes), names, quotes and unique
voices. Every step is deterministic (fixed seeds), so the same answers always give the same
picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import clustering, naming, quotes, vectorise
from .embedding import Embedder, load_embedder

#: A theme with at most this share of the answers is a minority theme.
MINORITY_SHARE = 0.04
QUOTES_PER_THEME = 3
#: Unique voices are a share of the answers, but never more than a reader takes in.
MAX_UNIQUE_VOICES = 30


@dataclass
class Answer:
    id: str
    text: str
    group: str = ""
    school: str = ""
    vector: np.ndarray | None = None


@dataclass
class Theme:
    name: str
    answers: list[str]
    quotes: list[str]
    minority: bool

    def as_dict(self):
        return {
            "name": self.name,
            "answers": self.answers,
            "quotes": self.quotes,
            "minority": self.minority,
        }


@dataclass
class Picture:
    """What the analysis found. Ids only: the texts stay with the answers (masked when shown)."""

    themes: list[Theme] = field(default_factory=list)
    unique_voices: list[str] = field(default_factory=list)
    used_sentence_vectors: bool = False

    def as_dict(self):
        return {"themes": [t.as_dict() for t in self.themes], "unique_voices": self.unique_voices}


@dataclass(frozen=True)
class Tuning:
    """The pipeline's choices, tuned on bench/voices_sets/tuning only."""

    sentence_weight: float = 0.6
    char_weight: float = 1.0
    merge_similarity: float = 0.14
    min_theme_size: int = 3
    unique_share: float = 0.05


def _no_progress(fraction: float, step: str) -> None:
    return None


def sentence_vectors(answers: list[Answer], embedder: Embedder | None) -> np.ndarray | None:
    """Every answer's stored vector, computing the missing ones; None if any stays missing."""
    missing = [a for a in answers if a.vector is None]
    if missing and embedder is None:
        return None
    if missing:
        for answer, vector in zip(missing, embedder.embed([a.text for a in missing])):
            answer.vector = vector
    return np.vstack([a.vector for a in answers]).astype(np.float32)


def analyse(
    answers: list[Answer],
    *,
    embedder: Embedder | None | str = "default",
    tuning: Tuning = Tuning(),
    progress: Callable[[float, str], None] = _no_progress,
) -> Picture:
    """Find the themes of the answers. ``embedder=None`` analyses the words alone."""
    if embedder == "default":
        embedder = load_embedder()
    answers = [a for a in answers if a.text and a.text.strip()]
    n = len(answers)
    if n == 0:
        return Picture()
    ids = [a.id for a in answers]
    texts = [a.text for a in answers]
    progress(0.05, "vectors")
    sentences = sentence_vectors(answers, embedder)
    vectors = vectorise.joined_vectors(texts, sentences, tuning.sentence_weight, tuning.char_weight)
    progress(0.4, "clusters")
    labels = clustering.start_groups(vectors)
    progress(0.6, "merging")
    labels = clustering.merge_groups(
        vectors,
        labels,
        tuning.merge_similarity,
        tuning.min_theme_size,
        clustering.MAX_THEMES,
    )
    centres = clustering.centroids(vectors, labels)
    progress(0.8, "names")
    names = naming.theme_names(texts, labels)
    lengths = np.array([len(t) for t in texts], dtype=float)
    quoted = quotes.choose_quotes(vectors, labels, centres, lengths, QUOTES_PER_THEME)
    count = min(MAX_UNIQUE_VOICES, max(3, round(tuning.unique_share * n))) if n >= 10 else 0
    unique = quotes.choose_unique_voices(
        vectors, labels, centres, lengths, count, excluded={i for q in quoted for i in q}
    )
    themes = []
    for label, name in enumerate(names):
        members = np.flatnonzero(labels == label)
        themes.append(
            Theme(
                name=name,
                answers=[ids[i] for i in members],
                quotes=[ids[i] for i in quoted[label]],
                minority=len(members) <= MINORITY_SHARE * n and len(centres) > 1,
            )
        )
    themes.sort(key=lambda t: -len(t.answers))
    progress(1.0, "done")
    return Picture(
        themes=themes,
        unique_voices=[ids[i] for i in unique],
        used_sentence_vectors=sentences is not None,
    )
