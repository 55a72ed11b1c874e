"""The owner's edits, re-applied to whatever the newest analysis found.

An analysis knows its themes only as lists of answer ids, and a re-analysis after new answers
numbers them afresh. So an edit names a theme by the answers it held (its anchor) and is applied
to the theme that now holds most of them. Expected themes (guided mode) are applied first: each
absorbs the found themes most of whose answers use its words, and every found theme it does not
absorb stays in the picture as a new theme, so nothing the owner did not expect is filed away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.normalise import content_stems

#: An expected theme absorbs a found theme when at least this share of its answers use its words.
ABSORB_SHARE = 0.5


@dataclass
class EditedTheme:
    name: str
    answers: list[int]
    quotes: list[int] = field(default_factory=list)
    pinned: list[int] = field(default_factory=list)
    found_name: str = ""  # the analysis's draft name, before the owner's hand
    expected: bool = False  # named by the owner before the analysis (guided mode)
    new: bool = False  # in guided mode: found, but not among the expected themes
    split_from: str = ""

    @property
    def voices(self):
        return len(set(self.answers))


@dataclass
class EditedPicture:
    themes: list[EditedTheme]
    unique_voices: list[int]
    lost_edits: int = 0  # edits whose answers are no longer in any theme
    guided: bool = False


def _ids(values):
    return [int(v) for v in values]


def from_result(result) -> EditedPicture:
    """The analysis's own picture, before any edit."""
    result = result or {"themes": [], "unique_voices": []}
    themes = [
        EditedTheme(
            name=theme["name"],
            found_name=theme["name"],
            answers=_ids(theme["answers"]),
            quotes=_ids(theme["quotes"]),
        )
        for theme in result["themes"]
    ]
    return EditedPicture(themes=themes, unique_voices=_ids(result["unique_voices"]))


def theme_for(picture: EditedPicture, anchor) -> EditedTheme | None:
    """The theme now holding most of the anchor's answers (the first such, on a tie)."""
    anchor = set(_ids(anchor))
    best, overlap = None, 0
    for theme in picture.themes:
        shared = len(anchor.intersection(theme.answers))
        if shared > overlap:
            best, overlap = theme, shared
    return best


def _theme_holding(picture, answer_id):
    return next((t for t in picture.themes if answer_id in t.answers), None)


def _uses_words(stems, words):
    return bool(stems & words)


def apply_expected(picture: EditedPicture, expected, stems_of) -> None:
    """Guided mode: each expected theme takes the found themes that speak its words."""
    if not expected:
        return
    picture.guided = True
    found = list(picture.themes)
    taken = set()
    guided = []
    for payload in expected:
        words = set(content_stems(" ".join([payload["name"], *payload.get("words", [])])))
        theme = EditedTheme(name=payload["name"], answers=[], expected=True)
        for index, candidate in enumerate(found):
            if index in taken or not candidate.answers:
                continue
            speaking = sum(_uses_words(stems_of.get(a, set()), words) for a in candidate.answers)
            if speaking >= ABSORB_SHARE * len(candidate.answers):
                taken.add(index)
                theme.answers += candidate.answers
                theme.quotes += candidate.quotes
        guided.append(theme)
    new = [theme for index, theme in enumerate(found) if index not in taken]
    for theme in new:
        theme.new = True
    picture.themes = guided + new


def apply_edit(picture: EditedPicture, kind: str, payload, stems_of) -> bool:
    """Apply one edit; False when the answers it was made on are no longer in the picture."""
    if kind == "rename":
        theme = theme_for(picture, payload["anchor"])
        if theme is None:
            return False
        theme.name = payload["name"]
        return True
    if kind == "merge":
        theme, other = theme_for(picture, payload["anchor"]), theme_for(picture, payload["other"])
        if theme is None or other is None:
            return False
        if theme is not other:
            held = set(theme.answers)
            theme.answers += [a for a in other.answers if a not in held]
            theme.quotes += other.quotes
            theme.pinned += other.pinned
            theme.expected = theme.expected or other.expected
            picture.themes.remove(other)
        return True
    if kind == "split":
        theme = theme_for(picture, payload["anchor"])
        if theme is None:
            return False
        words = set(content_stems(payload["word"]))
        moved = [a for a in theme.answers if _uses_words(stems_of.get(a, set()), words)]
        if not moved or len(moved) == len(theme.answers):
            return False
        moved_set = set(moved)
        theme.answers = [a for a in theme.answers if a not in moved_set]
        picture.themes.append(
            EditedTheme(
                name=payload["name"],
                answers=moved,
                quotes=[q for q in theme.quotes if q in moved_set],
                pinned=[p for p in theme.pinned if p in moved_set],
                split_from=theme.name,
            )
        )
        theme.quotes = [q for q in theme.quotes if q not in moved_set]
        theme.pinned = [p for p in theme.pinned if p not in moved_set]
        return True
    if kind == "move":
        answer = int(payload["answer"])
        target = theme_for(picture, payload["anchor"])
        if target is None or not any(answer in t.answers for t in picture.themes):
            return False
        for theme in [] if payload.get("also") else picture.themes:
            if answer in theme.answers and theme is not target:
                theme.answers = [a for a in theme.answers if a != answer]
                theme.quotes = [q for q in theme.quotes if q != answer]
                theme.pinned = [p for p in theme.pinned if p != answer]
        if answer not in target.answers:
            target.answers.append(answer)
        picture.unique_voices = [u for u in picture.unique_voices if u != answer]
        return True
    if kind == "pin":
        answer = int(payload["answer"])
        theme = theme_for(picture, payload["anchor"]) if payload.get("anchor") else None
        if theme is None or answer not in theme.answers:
            theme = _theme_holding(picture, answer)
        if theme is None:
            return False
        if answer not in theme.pinned:
            theme.pinned.append(answer)
        return True
    raise ValueError(f"unknown edit kind {kind!r}")


def edited_picture(result, edits, stems_of) -> EditedPicture:
    """The analysis's picture with the owner's edits: expected themes first, then the rest in
    the order they were made. ``edits`` are (kind, payload) pairs; empty themes are dropped."""
    picture = from_result(result)
    apply_expected(picture, [payload for kind, payload in edits if kind == "expect"], stems_of)
    for kind, payload in edits:
        if kind != "expect" and not apply_edit(picture, kind, payload, stems_of):
            picture.lost_edits += 1
    picture.themes = [t for t in picture.themes if t.answers or t.expected]
    return picture
