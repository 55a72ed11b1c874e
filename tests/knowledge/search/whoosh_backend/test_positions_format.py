"""The one-pass postings format (knowledge/search/whoosh_backend/positions.py) writes exactly what Whoosh's
own Positions format writes, so phrase search and scoring read it unchanged."""

from hypothesis import given
from hypothesis import strategies as st
from whoosh.formats import Positions

from knowledge.search.whoosh_backend import danish
from knowledge.search.whoosh_backend.positions import WordPositions
from knowledge.search.whoosh_backend.spelling import SpellingVocabulary

TEXTS = [
    "",
    "Eleverne læste højt, og eleverne læste igen: læsning! læsning? LÆSNING.",
    "Forældre/foraeldre i Århus og aarhus; 3. klasse, 2025-06-01, 10 %",
    "co-teaching to lærere – «citat» og ’apostrof’ i_ord med_understreg",
    "Ñandú straße ÆØÅ æøå ‘quotes’ 😀 ١٢٣ 🙂 é̃",
]

DANISH_TEXT = st.lists(
    st.sampled_from(
        [
            "læse",
            "forståelse",
            "Eleverne",
            "læste",
            "og",
            "i",
            "ÆØÅ",
            "aa",
            "2025",
            "co-teaching",
            ",",
            ".",
            "!",
            " ",
            "\n",
            "_",
            "'",
        ]
    ),
    max_size=60,
).map("".join)


def postings(fmt, text, analyzer):
    return sorted(fmt.word_values(text, analyzer, mode="index"))


def assert_same_postings(text, boost=1.0):
    for analyzer in (danish.DanishAnalyzer(), danish.AutocompleteAnalyzer()):
        expected = postings(Positions(field_boost=boost), text, analyzer)
        assert postings(WordPositions(field_boost=boost), text, analyzer) == expected


def test_same_postings_as_whoosh_for_danish_texts():
    for text in TEXTS:
        assert_same_postings(text)
        assert_same_postings(text, boost=2.5)


@given(DANISH_TEXT)
def test_same_postings_as_whoosh_for_any_text(text):
    assert_same_postings(text)


@given(st.text(max_size=200))
def test_same_postings_as_whoosh_for_any_unicode(text):
    assert_same_postings(text)


def test_positions_decode_for_phrase_search():
    fmt = WordPositions()
    values = {
        term: value
        for term, _, _, value in fmt.word_values("læse og læse igen", danish.DanishAnalyzer())
    }
    assert fmt.decode_positions(values[danish.full_text_term("læse")]) == [0, 2]


@given(st.lists(st.text(max_size=80), max_size=4))
def test_spelling_words_are_the_lowercased_non_numeric_words_of_every_text(texts):
    expected = {
        w.lower() for text in texts for w in danish.WORD_RE.findall(text) if not w.isdigit()
    }
    assert SpellingVocabulary.words_of(texts) == expected
