"""Danish language analysis for the Whoosh search backend.

The pipeline used for full-text fields (index time *and* query time) is::

    words (\\w+)  ->  lowercase  ->  æ/ø/å folding  ->  stemming

* Danish stop words, and the words of how a question is asked ("hvordan", "få"), are dropped
  from the *query* (:func:`query_words`), not from the index:
  many Danish stop words are real words in other contexts or languages ("dog", "man", "under",
  "over"), so a query made only of stop words still searches them, and phrases keep their
  exact positions.

* Folding maps ``æ -> ae``, ``ø -> oe``, ``å -> aa`` (and strips other accents), so a user typing
  on a keyboard without Danish letters ("foraeldre", "aarhus") finds "forældre" / "Århus", and
  the old spelling "aa" and "å" are the same letter.
* Folding happens *before* stemming, and the stemmer runs on the folded form. Index and query
  therefore always go through exactly the same transformation, so "forældre" and "foraeldre"
  are guaranteed to produce the same term.
* Stemming is the Danish Snowball stemmer (PyStemmer) followed by two light, documented rules
  that Snowball lacks: the nominalising suffix ``-ning`` is dropped (læsning -> læs,
  undervisning -> undervis) and a final ``st`` loses its ``t`` (læste -> læst -> læs, the
  past tense meets the present tense "læser" -> læs).

Compounds (læseforståelse vs. "læse forståelse") are handled at query time by *decompounding
against the index's own vocabulary* (see :func:`decompound` and :func:`compose`): a query word
is split into two parts when both parts' stems occur in the index, and adjacent query words are
glued together when the glued stem occurs in the index. Nothing extra is indexed, so index size
and rebuild speed are unaffected, and the behaviour is measurable with :func:`decompound`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from whoosh.analysis import Analyzer, Token

WORD_PATTERN = r"\w+"
WORD_RE = re.compile(WORD_PATTERN, re.UNICODE)

#: Minimum length (in folded characters) of each part of a compound word.
MIN_COMPOUND_PART = 3

#: Danish stop words (the Snowball list), in Danish spelling.
_STOP_WORDS_DA = """
ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din
disse dog du efter eller en end er et for fra ham han hans har havde have hende hendes her hos
hun hvad hvis hvor i ikke ind jeg jer jo kunne man mange med meget men mig min mine mit mod ned
noget nogle nu når og også om op os over på selv sig sin sine sit skal skulle som sådan thi til
ud under var vi vil ville vor være været
""".split()

#: Words of how a question is asked rather than what it is about ("hvordan får vi eleverne til
#: ..."): dropped from queries with the stop words, so they never decide which document wins.
_QUESTION_WORDS_DA = """
hvordan hvorfor hvornår hvilke hvilken hvilket hvem hvorvidt få får fik fået gøre gør gjorde
gjort kan kunne bør burde må skal vores vore jeres bruge bruger brugte lave laver lavede mere
bedre godt gode flere nogen nogle ingen helt lidt stadig altid aldrig egentlig rigtig blandt andet
""".split()

_FOLD_TABLE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase-insensitive folding of Danish letters to ASCII (æ->ae, ø->oe, å->aa)."""
    text = text.translate(_FOLD_TABLE)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Stop words, both in Danish spelling and folded ("paa", "naar"), so either spelling is ignored.
STOP_WORDS = frozenset(_STOP_WORDS_DA + _QUESTION_WORDS_DA) | frozenset(
    fold(w) for w in _STOP_WORDS_DA + _QUESTION_WORDS_DA
)

_local = threading.local()


def _snowball():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer  # PyStemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("danish")
    return stemmer


@lru_cache(maxsize=200_000)
def stem(folded_word: str) -> str:
    """Stem one lowercased, folded word."""
    s = _snowball().stemWord(folded_word)
    if s.endswith("ning") and len(s) >= 7:
        s = s[:-4]
    if s.endswith("st") and len(s) >= 4:
        s = s[:-1]
    return s


@lru_cache(maxsize=200_000)
def full_text_term(word: str) -> str:
    """The index term of one word: lowercase, fold, stem."""
    return stem(fold(word.lower()))


@lru_cache(maxsize=200_000)
def autocomplete_term(word: str) -> str:
    return fold(word.lower())


class WordAnalyzer(Analyzer):
    """A single-pass whoosh analyzer: ``\\w+`` words mapped through a cached function.

    Equivalent to Whoosh's ``RegexTokenizer | LowercaseFilter`` followed by :func:`fold` and
    :func:`stem` per token (for ``kind="full"``) but several times faster, which is what keeps
    rebuilds well above 500 documents per second.
    """

    TRANSFORMS = {"full": full_text_term, "autocomplete": autocomplete_term}

    def __init__(self, kind="full"):
        if kind not in self.TRANSFORMS:
            raise ValueError(kind)
        self.kind = kind

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__ and self.kind == other.kind

    def __repr__(self):
        return f"WordAnalyzer({self.kind!r})"

    def has_morph(self):
        return self.kind == "full"

    def term_positions(self, value: str) -> dict[str, list[int]]:
        """``{term: [positions]}`` of a text: what ``__call__(value, positions=True)`` yields,
        gathered in one loop (see positions.py)."""
        transform = self.TRANSFORMS[self.kind]
        positions: dict[str, list[int]] = {}
        for pos, word in enumerate(WORD_RE.findall(value)):
            term = transform(word)
            found = positions.get(term)
            if found is None:
                positions[term] = [pos]
            else:
                found.append(pos)
        return positions

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        transform = self.TRANSFORMS[self.kind]
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            matches = [(value, 0, len(value))]
        else:
            matches = ((m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(value))
        for pos, (word, start, end) in enumerate(matches):
            t.text = transform(word)
            t.stopped = False
            t.boost = 1.0
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


def DanishAnalyzer():
    """Analyzer for full-text fields: lowercase, æ/ø/å folding, stemming (stop words stay)."""
    return WordAnalyzer("full")


def is_stop_word(word: str) -> bool:
    return word.lower() in STOP_WORDS


def AutocompleteAnalyzer():
    """Analyzer for autocomplete fields: no stemming, no stop words (prefixes must survive)."""
    return WordAnalyzer("autocomplete")


def query_words(text: str, analyzer=None, drop_stop_words: bool = True) -> list[tuple[str, str]]:
    """Split user text into ``(folded_word, term)`` pairs.

    ``term`` is what the full-text analyzer makes of the word, i.e. what is in the index.
    Stop words are dropped unless the text consists of stop words only.
    """
    if analyzer is None:
        analyzer = DanishAnalyzer()
    words = []
    for raw in WORD_RE.findall(text):
        terms = [t.text for t in analyzer(raw)]
        if terms:
            words.append((fold(raw.lower()), terms[0], is_stop_word(raw)))
    if drop_stop_words and not all(stop for _, _, stop in words):
        words = [w for w in words if not w[2]]
    return [(f, t) for f, t, _ in words]


def compound_splits(
    folded_word: str, has_term, min_part: int = MIN_COMPOUND_PART, max_parts: int = 3
):
    """Every way to split a compound into 2 to ``max_parts`` parts whose stems all occur in the
    index, best first: fewest parts, then the most balanced.

    ``has_term(stemmed)`` tells whether a term exists in the index's vocabulary. Linking
    morphemes ``-s-`` and ``-e-`` (virksomhed-s-plan) are tried too; a head is split further
    (læse-forståelses-strategier). Each split is a tuple of terms.
    """
    scored = {}
    n = len(folded_word)
    for i in range(min_part, n - min_part + 1):
        head, tail = folded_word[:i], folded_word[i:]
        tail_term = stem(tail)
        if len(tail_term) < min_part or not has_term(tail_term):
            continue
        heads = [head]
        if head[-1] in "se" and len(head) - 1 >= min_part:
            heads.append(head[:-1])
        for h in heads:
            head_term = stem(h)
            if len(head_term) < min_part:
                continue
            head_splits = [(head_term,)] if has_term(head_term) else []
            if max_parts > 2:
                head_splits += compound_splits(h, has_term, min_part, max_parts - 1)
            for head_parts in head_splits:
                parts = head_parts + (tail_term,)
                score = (-len(parts), min(len(h), len(tail)))
                if parts not in scored or score > scored[parts]:
                    scored[parts] = score
            if head_splits:
                break
    return sorted(scored, key=lambda parts: scored[parts], reverse=True)


def decompound(folded_word: str, has_term, min_part: int = MIN_COMPOUND_PART, max_parts: int = 3):
    """The best split of a compound (see ``compound_splits``), or ``None``."""
    splits = compound_splits(folded_word, has_term, min_part, max_parts)
    return splits[0] if splits else None


def compose(first_folded: str, second_folded: str, has_term):
    """Return the term of the compound made of two adjacent query words if it is in the index.

    "læse" + "forståelse" -> stem("laeseforstaaelse"); the linking ``-s-`` is tried too.
    """
    for glue in ("", "s"):
        term = stem(first_folded + glue + second_folded)
        if has_term(term):
            return term
    return None
