"""A theme's name: the words its answers use far more than the other answers do, as written.

A stem scores by how much more often the theme's answers use it than all answers do, weighted
by how many of the theme's answers use it (so one long answer cannot name a theme); each stem
is shown as the word the theme's answers write most often for it.
"""

from __future__ import annotations

import math
from collections import Counter

from .normalise import content_stems, surface_forms


def theme_names(texts: list[str], labels, words_per_name: int = 3) -> list[str]:
    """One name per label (0..max), made of its ``words_per_name`` most telling words."""
    count = int(max(labels)) + 1 if len(labels) else 0
    answer_stems = [set(content_stems(t)) for t in texts]
    everywhere = Counter(s for stems in answer_stems for s in stems)
    n = len(texts)
    names, taken = [], set()
    for label in range(count):
        members = [i for i, own in enumerate(labels) if own == label]
        inside = Counter(s for i in members for s in answer_stems[i])
        forms: dict[str, Counter] = {}
        for i in members:
            for stem, word in surface_forms(texts[i]):
                forms.setdefault(stem, Counter())[word] += 1
        scored = []
        for stem, k in inside.items():
            if k < 2 and len(members) > 2:
                continue
            share_inside = k / len(members)
            share_all = everywhere[stem] / n
            scored.append((share_inside * math.log((share_inside + 1e-3) / share_all), stem))
        scored.sort(reverse=True)
        words = []
        for _, stem in scored:
            word = forms[stem].most_common(1)[0][0]
            if word not in words:
                words.append(word)
            if len(words) == words_per_name:
                break
        name = ", ".join(words) or "…"
        while name in taken and len(words) < len(scored):
            extra = forms[scored[len(words)][1]].most_common(1)[0][0]
            words.append(extra)
            name = ", ".join(words)
        taken.add(name)
        names.append(name[:1].upper() + name[1:])
    return names
