"""Which answers speak for a theme (quotes) and which say what nobody else says (unique voices).

Quotes: the answer closest to the theme's centre first, then answers that are close to the
centre but unlike the quotes already chosen (maximal marginal relevance), so a theme is not
quoted three times with near-identical answers. Unique voices: the answers least like the
theme they were put in, again chosen unlike each other, so a small experience that no cluster
caught is still put in front of the reader.
"""

from __future__ import annotations

import numpy as np


def _diverse(candidates, relevance, vectors, count, diversity):
    """Greedy maximal marginal relevance; each answer's likeness to the chosen ones is kept up
    to date with one product per pick, so picking k of m costs O(k·m·d)."""
    candidates = np.asarray(list(candidates), dtype=int)
    if not len(candidates):
        return []
    block = vectors[candidates]
    closest = np.full(len(candidates), -np.inf)
    open_ = np.ones(len(candidates), dtype=bool)
    chosen = []
    while open_.any() and len(chosen) < count:
        penalty = np.where(np.isfinite(closest), closest, 0.0)
        scores = np.where(open_, relevance[candidates] - diversity * penalty, -np.inf)
        best = int(np.argmax(scores))
        chosen.append(int(candidates[best]))
        open_[best] = False
        closest = np.maximum(closest, block @ block[best])
    return chosen


def _readable(lengths):
    """Mild preference for answers of a readable length (one or two sentences)."""
    return -0.1 * np.abs(np.log((lengths + 20) / 120))


def choose_quotes(vectors, labels, centres, lengths, per_theme=3, diversity=0.5):
    """Quote indices per theme label: close to the centre, readable, unlike each other."""
    fit = (vectors * centres[labels]).sum(axis=1)
    relevance = fit + _readable(lengths)
    quotes = []
    for label in range(len(centres)):
        members = np.flatnonzero(labels == label)
        quotes.append(_diverse(members, relevance, vectors, per_theme, diversity))
    return quotes


def choose_unique_voices(vectors, labels, centres, lengths, count, excluded=(), diversity=0.6):
    """Indices of answers that fit their theme least, unlike each other, not already quoted."""
    fit = (vectors * centres[labels]).sum(axis=1)
    relevance = -fit + _readable(lengths)
    excluded = set(excluded)
    candidates = [i for i in np.argsort(fit)[: max(count * 4, count)] if i not in excluded]
    return _diverse(candidates, relevance, vectors, count, diversity)
