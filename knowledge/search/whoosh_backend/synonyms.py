"""Synonyms at query time: which index terms stand in for a query word, and how strongly.

The backend option ``SYNONYMS`` names a callable (a dotted path) returning groups of words that
mean the same to the people searching (``[["fravær", "pjæk", "skolevægring"], ...]``); a member
may be several words ("ulovligt fravær"). The callable is asked at every search, so groups
edited by an administrator count at once and nothing is re-indexed; it should cache its own
answer. The engine itself knows no words: the project supplies them.
"""

from __future__ import annotations

import logging

from django.utils.module_loading import import_string

from . import danish

logger = logging.getLogger("knowledge.search")


def terms_of(text: str, analyzer) -> tuple[str, ...]:
    """The index terms of a synonym (one per word, stop words kept: they are part of it)."""
    return tuple(t for _, t in danish.query_words(text, analyzer, drop_stop_words=False))


def build_table(groups, analyzer) -> dict[str, list[tuple[str, ...]]]:
    """``{term of a one-word member: [terms of every other member of its groups]}``."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for group in groups:
        members = list(dict.fromkeys(t for t in (terms_of(str(word), analyzer) for word in group) if t))
        for member in members:
            if len(member) != 1:
                continue  # a query word is one word: several-word members are only expansions
            others = table.setdefault(member[0], [])
            others.extend(m for m in members if m != member and m not in others)
    return table


class SynonymSource:
    """The backend's synonyms: the configured callable's groups as a term table, rebuilt only
    when the callable returns a different object (so the callable's own cache decides)."""

    def __init__(self, dotted_path, analyzer):
        self.dotted_path = dotted_path
        self.analyzer = analyzer
        self._groups = None
        self._table = {}

    def table(self) -> dict[str, list[tuple[str, ...]]]:
        if not self.dotted_path:
            return {}
        try:
            groups = import_string(self.dotted_path)()
        except Exception:
            # Synonyms widen a search; without them it still answers.
            logger.exception("Synonyms from %s could not be read; searching without them", self.dotted_path)
            return {}
        if groups is not self._groups:
            self._table = build_table(groups, self.analyzer)
            self._groups = groups
        return self._table
