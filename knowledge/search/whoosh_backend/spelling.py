"""Spelling suggestions ("Mente du: ...") from the index's own vocabulary.

The index keeps a spelling vocabulary beside its segment files (``spelling_vocabulary.txt``,
``word<TAB>number of documents``): the lowercased words of all searchable text, Danish letters
kept, so suggestions are real words as they appear on the site. (A sidecar file rather than a
Whoosh field: a field would nearly double the postings written and slow rebuilds ~30%.) A query word is left
alone when the index knows it already: as a stem in one of the searched fields, or as a
compound whose parts it knows (see :func:`.danish.decompound`). Otherwise the
closest vocabulary word is taken (edit distance first, then frequency; the first letter must
match, which is both how people mistype and what keeps the lookup fast).
"""

from __future__ import annotations

import os
import threading
from collections import Counter

from whoosh.spelling import ListCorrector

from . import danish

VOCABULARY_FILE = "spelling_vocabulary.txt"


class SpellingVocabulary:
    """Word -> number of documents containing it; loaded from / saved to an index folder."""

    _cache: dict[str, tuple[int, SpellingVocabulary]] = {}
    _cache_lock = threading.Lock()

    def __init__(self, counts=None):
        self.counts = Counter(counts or {})
        self._corrector = None

    @staticmethod
    def words_of(texts) -> set[str]:
        # One regex pass over all the texts, then work on the distinct words only: a rebuild
        # calls this for every document.
        words = set(danish.WORD_RE.findall("\n".join(texts)))
        return {word.lower() for word in words if not word.isdigit()}

    def add_document_words(self, words):
        self.counts.update(words)
        self._corrector = None

    @classmethod
    def load(cls, folder) -> SpellingVocabulary:
        path = os.path.join(folder, VOCABULARY_FILE)
        try:
            mtime = os.stat(path).st_mtime_ns
        except FileNotFoundError:
            return cls()
        with cls._cache_lock:
            cached = cls._cache.get(path)
            if cached and cached[0] == mtime:
                return cached[1]
        counts = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, count = line.rstrip("\n").partition("\t")
                if word:
                    counts[word] = int(count or 1)
        vocabulary = cls(counts)
        with cls._cache_lock:
            cls._cache[path] = (mtime, vocabulary)
        return vocabulary

    def save(self, folder):
        path = os.path.join(folder, VOCABULARY_FILE)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(f"{word}\t{count}\n" for word, count in sorted(self.counts.items()))
        os.replace(tmp, path)

    def corrector(self):
        if self._corrector is None:
            self._corrector = _FrequencyCorrector(self.counts)
        return self._corrector


class _FrequencyCorrector(ListCorrector):
    """Levenshtein-automaton lookup in the sorted vocabulary; ties broken by frequency."""

    def __init__(self, counts):
        super().__init__(sorted(counts))
        self.counts = counts

    def _suggestions(self, text, maxdist, prefix):
        for score, word in super()._suggestions(text, maxdist, prefix):
            yield score + 0.5 * (1 - 1 / (1 + self.counts.get(word, 0))), word


def _known(reader, fields, folded, term) -> bool:
    def has_term(t):
        return any((f, t) in reader for f in fields)

    if has_term(term):
        return True
    return (
        len(folded) >= 2 * danish.MIN_COMPOUND_PART
        and danish.decompound(folded, has_term) is not None
    )


def suggest_correction(
    reader, query_string: str, fields, vocabulary, analyzer=None, maxdist: int = 2
):
    """Return the corrected query string, or ``None`` when there is nothing to correct."""
    if analyzer is None:
        analyzer = danish.DanishAnalyzer()
    if not vocabulary.counts:
        return None
    corrector = vocabulary.corrector()
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
