"""The quotes a theme is shown with: the owner's pinned ones, then the analysis's (central and
unlike each other), then one from each respondent group not yet heard, where the theme has one.

The analysis chose its quotes in vector space before any edit; a theme the owner split or merged
keeps those of its answers and gets the rest here, from the words its answers share: an answer
using many of the theme's common words, and of a readable length, speaks for it.
"""

from __future__ import annotations

import math
from collections import Counter

#: Quotes per theme: the analysis's three, and a group's voice on top when it is missing.
MAX_QUOTES = 5
ANALYSIS_QUOTES = 3


def _centrality(members, stems_of, lengths):
    profile = Counter(s for a in members for s in stems_of.get(a, ()))
    total = max(len(members), 1)

    def score(answer):
        stems = stems_of.get(answer, set())
        shared = sum(profile[s] for s in stems) / total / math.sqrt(len(stems) + 1)
        return shared - 0.1 * abs(math.log((lengths.get(answer, 0) + 20) / 120))

    return score


def _said(text):
    return " ".join(text.casefold().split())


def theme_quotes(theme, stems_of, group_of, lengths, text_of):
    """Answer ids to quote, in order: pinned, analysis's, then one per missing group. The same
    words are quoted once, however many people wrote them."""
    members = set(theme.answers)
    chosen = [a for a in dict.fromkeys(theme.pinned) if a in members]
    said = {_said(text_of[a]) for a in chosen}

    def take(answer):
        if answer in chosen or _said(text_of[answer]) in said:
            return False
        chosen.append(answer)
        said.add(_said(text_of[answer]))
        return True

    for answer in theme.quotes:
        if len(chosen) >= max(ANALYSIS_QUOTES, len(theme.pinned)):
            break
        if answer in members:
            take(answer)
    score = _centrality(theme.answers, stems_of, lengths)
    ranked = sorted(theme.answers, key=lambda a: (-score(a), a))
    for answer in ranked:  # a split theme has no quotes of the analysis: its most central
        if len(chosen) >= min(ANALYSIS_QUOTES, len(members)):
            break
        take(answer)
    heard = {group_of.get(a, "") for a in chosen}
    for answer in ranked:
        if len(chosen) >= MAX_QUOTES:
            break
        group = group_of.get(answer, "")
        if group and group not in heard and take(answer):
            heard.add(group)
    return chosen
