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
        members = list(
            dict.fromkeys(t for t in (terms_of(str(word), analyzer) for word in group) if t)
        )
        for member in members:
            if len(member) != 1:
                continue  # a query word is one word: several-word members are only expansions
            others = table.setdefault(member[0], [])
            others.extend(m for m in members if m != member and m not in others)
    return table


#: The last groups seen and their table: modelsearch makes a backend per search, so the table
#: is kept here, shared by every backend of the process (the analyzer is always the same).
_last_table = (None, {})


class SynonymSource:
    """The backend's synonyms: the configured callable's groups as a term table, rebuilt only
    when the groups change (compared by value, so a callable without a cache of its own costs
    a comparison a search, not a new table)."""

    def __init__(self, dotted_path, analyzer):
        self.dotted_path = dotted_path
        self.analyzer = analyzer

    def table(self) -> dict[str, list[tuple[str, ...]]]:
        global _last_table
        if not self.dotted_path:
            return {}
        try:
            groups = import_string(self.dotted_path)()
        except Exception:
            # Synonyms widen a search; without them it still answers.
            logger.exception(
                "Synonyms from %s could not be read; searching without them", self.dotted_path
            )
            return {}
        key = tuple(tuple(str(word) for word in group) for group in groups)
        if _last_table[0] != key:
            _last_table = (key, build_table(groups, self.analyzer))
        return _last_table[1]
