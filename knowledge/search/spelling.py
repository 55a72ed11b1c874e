"""Spelling suggestions ("Mente du: ...") from the index's own vocabulary.

Every indexed document also feeds the unstemmed field ``spell`` (lowercased words, Danish
letters kept), so suggestions are real words as they appear on the site. A query word is left
alone when the index knows it already: as a stem in one of the searched fields, or as a
compound whose parts it knows (see :func:`knowledge.search.danish.decompound`). Otherwise the
closest ``spell`` term is taken (edit distance first, then frequency; the first letter must
match, which is both how people mistype and what keeps the lookup fast).
"""

from __future__ import annotations

from . import danish

SPELL_FIELD = "spell"


def _known(reader, fields, folded, term) -> bool:
    def has_term(t):
        return any((f, t) in reader for f in fields)

    if has_term(term):
        return True
    return len(folded) >= 2 * danish.MIN_COMPOUND_PART and danish.decompound(folded, has_term) is not None


def suggest_correction(reader, query_string: str, fields, analyzer=None, maxdist: int = 2):
    """Return the corrected query string, or ``None`` when there is nothing to correct."""
    if analyzer is None:
        analyzer = danish.DanishAnalyzer()
    if SPELL_FIELD not in set(reader.indexed_field_names()):
        return None
    corrector = reader.corrector(SPELL_FIELD)
    out = []
    changed = False
    for match in danish.WORD_RE.finditer(query_string):
        word = match.group(0)
        lower = word.lower()
        terms = [t.text for t in analyzer(word)]
        if (
            not terms
            or len(lower) < 3
            or lower.isdigit()
            or danish.is_stop_word(lower)
            or _known(reader, fields, danish.fold(lower), terms[0])
        ):
            out.append(word)
            continue
        suggestions = corrector.suggest(lower, limit=1, maxdist=maxdist, prefix=1)
        if suggestions:
            suggestion = suggestions[0]
            if isinstance(suggestion, bytes):
                suggestion = suggestion.decode("utf-8")
            out.append(suggestion)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None
