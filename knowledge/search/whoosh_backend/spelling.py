"""Spelling suggestions ("Mente du: ...") from the index's own vocabulary.

The index keeps a spelling vocabulary beside its segment files (``spelling_vocabulary.txt``,
``word<TAB>number of documents``): the lowercased words of all searchable text, Danish letters
kept, so suggestions are real words as they appear on the site. (A sidecar file rather than a
Whoosh field: a field would nearly double the postings written and slow rebuilds ~30%.) A query word is left
alone when the index knows it already: as a stem in one of the searched fields, or as a
compound whose parts it knows (see :func:`.danish.decompound`). Otherwise the
closest vocabulary word is taken (edit distance first, then frequency; the first letter must
match, which is both how people mistype and what keeps the lookup fast).

The same vocabulary gives the dense side of a hybrid search the query as the word search read it
(:func:`understood_query`): corrected, spelled with Danish letters, compounds joined.
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


def typo_distance(word: str) -> int:
    """How many letters a word may be off and still count as a typo of another: none in two
    letters, one up to five, two beyond (the near misses of a search, its corrections too)."""
    return 0 if len(word) <= 2 else (1 if len(word) <= 5 else 2)


def _known(reader, fields, folded, term) -> bool:
    def has_term(t):
        return any((f, t) in reader for f in fields)

    if has_term(term):
        return True
    return (
        len(folded) >= 2 * danish.MIN_COMPOUND_PART
        and danish.decompound(folded, has_term) is not None
    )


def _correction(vocabulary, lower, maxdist):
    """The closest vocabulary word to ``lower`` (first letter kept), or None."""
    suggestions = vocabulary.corrector().suggest(lower, limit=1, maxdist=maxdist, prefix=1)
    if not suggestions:
        return None
    suggestion = suggestions[0]
    return suggestion.decode("utf-8") if isinstance(suggestion, bytes) else suggestion


def suggest_correction(
    reader, query_string: str, fields, vocabulary, analyzer=None, maxdist: int = 2
):
    """Return the corrected query string, or ``None`` when there is nothing to correct."""
    if analyzer is None:
        analyzer = danish.DanishAnalyzer()
    if not vocabulary.counts:
        return None
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
        suggestion = _correction(vocabulary, lower, maxdist)
        out.append(suggestion or word)
        changed = changed or bool(suggestion)
    return " ".join(out) if changed else None


#: Danish letters as a keyboard without them writes them ("paedagogisk" for "pædagogisk").
_ASCII_SPELLINGS = {"ae": "æ", "oe": "ø", "aa": "å"}


def danish_spelling(vocabulary, lower: str) -> str:
    """The site's own spelling of a word typed without Danish letters: of the words that fold
    to the same letters ("paedagogisk" -> "pædagogisk"), the one most documents use; the word
    itself when no other is more common."""
    variants = [""]
    i = 0
    while i < len(lower):
        letters = _ASCII_SPELLINGS.get(lower[i : i + 2])
        if letters and len(variants) < 64:
            variants = [v + lower[i : i + 2] for v in variants] + [v + letters for v in variants]
            i += 2
        else:
            variants = [v + lower[i] for v in variants]
            i += 1
    return max(variants, key=lambda v: (vocabulary.counts.get(v, 0), v == lower))


def understood_query(query_string: str, vocabulary, knows, analyzer) -> str:
    """The query in the site's own words, as the word search reads it: each word the index
    knows neither whole nor as a compound's parts replaced by its nearest word (the near miss
    the search looks for), a word typed without Danish letters spelled as the texts spell it,
    and two words the texts write as one compound ("læse makkere") joined. Stop words and
    anything else are kept as typed.

    ``knows(folded, term)`` tells whether the index knows a word. What a model of meaning
    reads: "matematk" or "paedagogisk" mean nothing to it, "matematik" and "pædagogisk" do.
    """
    if not vocabulary.counts:
        return query_string
    words = []
    for match in danish.WORD_RE.finditer(query_string):
        raw = match.group(0)
        lower = raw.lower()
        terms = [t.text for t in analyzer(raw)]
        if not terms or lower.isdigit() or danish.is_stop_word(lower):
            words.append((match, raw))
        elif knows(danish.fold(lower), terms[0]):
            spelled = danish_spelling(vocabulary, lower)
            words.append((match, raw if spelled == lower else spelled))
        else:
            maxdist = typo_distance(lower)
            words.append((match, (maxdist and _correction(vocabulary, lower, maxdist)) or raw))
    pieces, position, i = [], 0, 0
    while i < len(words):
        match, word = words[i]
        pieces.append(query_string[position : match.start()])
        position = match.end()
        if i + 1 < len(words) and query_string[position : words[i + 1][0].start()].isspace():
            joined = _joined(vocabulary, word, words[i + 1][1])
            if joined:
                pieces.append(joined)
                position = words[i + 1][0].end()
                i += 2
                continue
        pieces.append(word)
        i += 1
    pieces.append(query_string[position:])
    return "".join(pieces)


def _joined(vocabulary, first: str, second: str):
    """The compound the texts make of two words typed apart ("læse makkere" -> "læsemakkere",
    with a linking s: "fraværs registrering"), or None."""
    first, second = first.lower(), second.lower()
    if len(first) < danish.MIN_COMPOUND_PART or len(second) < danish.MIN_COMPOUND_PART:
        return None
    if danish.is_stop_word(first) or danish.is_stop_word(second):
        return None
    for glue in ("", "s"):
        word = first + glue + second
        if vocabulary.counts.get(word):
            return word
    return None
