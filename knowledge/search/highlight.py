"""Highlighted snippets for the search results page.

``highlight(text, query)`` returns an HTML-escaped snippet of ``text`` around the first match,
with every word that matches the query *after Danish analysis* wrapped in ``<mark>``. So the
query "elevernes læsning" marks "Eleverne" and "læste", "foraeldre" marks "forældre", and
compounds match both ways ("læse forståelse" marks "læseforståelse" and vice versa).
"""

from __future__ import annotations

import html

from django.utils.safestring import SafeString, mark_safe

from .whoosh_backend import danish

ELLIPSIS = "\u2026"


def _query_terms(query: str, analyzer, text_terms: set[str]) -> set[str]:
    words = danish.query_words(query, analyzer)
    terms = {t for _, t in words}
    has_term = text_terms.__contains__
    for folded, _ in words:
        split = danish.decompound(folded, has_term)
        if split:
            terms.update(split)
    for (first, _), (second, _) in zip(words, words[1:]):
        compound = danish.compose(first, second, has_term)
        if compound:
            terms.add(compound)
    return terms


def highlight(text: str, query: str, max_chars: int = 240, analyzer=None) -> SafeString:
    """An escaped snippet (at most about ``max_chars`` characters) with matches in ``<mark>``."""
    text = text or ""
    if analyzer is None:
        analyzer = danish.DanishAnalyzer()
    tokens = []  # (start, end, term)
    for m in danish.WORD_RE.finditer(text):
        analysed = [t.text for t in analyzer(m.group(0))]
        tokens.append((m.start(), m.end(), analysed[0] if analysed else None))
    terms = _query_terms(query or "", analyzer, {t for _, _, t in tokens if t})
    matches = [(s, e) for s, e, t in tokens if t and t in terms]

    # Choose the window: start a little before the first match, on a word boundary.
    start = 0
    if matches and len(text) > max_chars:
        start = max(0, matches[0][0] - max_chars // 4)
        if start:
            boundaries = [s for s, _, _ in tokens if s >= start]
            start = boundaries[0] if boundaries else start
    end = min(len(text), start + max_chars)
    if end < len(text):
        cut = [e for _, e, _ in tokens if start < e <= end]
        end = cut[-1] if cut else end

    parts = [ELLIPSIS] if start > 0 else []
    pos = start
    for s, e in matches:
        if s < start or e > end:
            continue
        parts.append(html.escape(text[pos:s]))
        parts.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    parts.append(html.escape(text[pos:end]))
    if end < len(text):
        parts.append(ELLIPSIS)
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped
