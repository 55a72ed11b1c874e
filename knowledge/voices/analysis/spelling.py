"""Pupils' spellings joined to the word the other answers write: "bibloteket", "biblioteekt" and
"bilbioteket" are counted as "biblioteket" when that word is far more common in the same answers.

The words are corrected from the answers themselves (no dictionary): a rare word is replaced by a
common word one slip away, found with the symmetric-delete trick (both words lose one letter and
meet), so it costs a few dictionary look-ups per word. A slip is a letter dropped, doubled or two
letters swapped inside the word; a changed letter, or any change to the first or last letter, is
too often another real word ("laerer"/"laeser", "kender"/"ender", "samme"/"sammen"). Without it, a pupil's misspelt answer shares no stem with an adult's answer saying the
same, and the themes follow who wrote rather than what they said.
"""

from __future__ import annotations

from collections import Counter

#: Shorter words (folded) are left alone: one slip away from a short word is another real word.
MIN_LENGTH = 6
#: The common word must be written at least this many times as often as the rare one ...
RATIO = 4
#: ... and at least this many times in all.
MIN_COUNT = 3


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def is_slip(rare: str, common: str) -> bool:
    """A letter dropped, added or two neighbours swapped, not at either end of the word."""
    if rare[0] != common[0] or rare[-1] != common[-1]:
        return False
    if abs(len(rare) - len(common)) == 1:
        short, long = sorted((rare, common), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1))
    if len(rare) == len(common):
        differ = [i for i, (a, b) in enumerate(zip(rare, common)) if a != b]
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and rare[differ[0]] == common[differ[1]]
            and rare[differ[1]] == common[differ[0]]
        )
    return False


def corrections(counts: Counter) -> dict[str, str]:
    """Rare word -> the common word it misspells, for the words (folded, lowercase) counted."""
    common = sorted(
        (w for w, c in counts.items() if c >= MIN_COUNT and len(w) >= MIN_LENGTH),
        key=lambda w: (-counts[w], w),
    )
    # Key (the word or one of its deletions) -> the most common word it comes from.
    meeting: dict[str, str] = {}
    for word in common:
        for key in (word, *_deletions(word)):
            meeting.setdefault(key, word)
    fixed = {}
    for word, count in counts.items():
        if len(word) < MIN_LENGTH:
            continue
        candidates = [meeting[k] for k in (word, *_deletions(word)) if k in meeting]
        candidates = [
            c for c in candidates if counts[c] >= RATIO * count and c != word and is_slip(word, c)
        ]
        if candidates:
            fixed[word] = max(candidates, key=lambda c: (counts[c], c))
    return fixed
