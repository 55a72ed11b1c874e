"""Danish analysis, highlighting and spelling at the Whoosh level (no database needed).

The same behaviours are tested end to end through the backend in
tests/conformance/test_whoosh_backend.py (run with --ds=praksisnet.settings.conformance).
"""

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema

from knowledge.search.highlight import highlight
from knowledge.search.whoosh_backend import danish
from knowledge.search.whoosh_backend.spelling import (
    SpellingVocabulary,
    suggest_correction,
    understood_query,
)


def terms(text):
    return [t.text for t in danish.DanishAnalyzer()(text)]


def test_inflections_share_stems():
    assert terms("eleverne læste") == terms("elevernes læsning")
    assert terms("skolen") == terms("skolernes")
    assert terms("underviser") == terms("undervisning")


def test_folding_makes_ascii_spellings_match():
    assert terms("forældre") == terms("foraeldre") == terms("FORÆLDRE")
    assert terms("Århus") == terms("aarhus")
    assert terms("børnene") == terms("boernene")
    assert danish.fold("æøå") == "aeoeaa"


def test_stop_words_dropped_from_queries_unless_alone():
    assert [t for _, t in danish.query_words("læsning og skrivning i skolen")] == terms(
        "læsning skrivning skolen"
    )
    # "dog" is a Danish stop word but also an English word: a query of stop words only keeps them.
    assert [t for _, t in danish.query_words("dog")] == terms("dog")


def test_decompound_against_vocabulary():
    vocabulary = set(terms("læse forståelse matematik undervisning virksomhed plan"))
    assert danish.decompound("laeseforstaaelse", vocabulary.__contains__) == tuple(
        terms("læse forståelse")
    )
    assert danish.decompound("matematikundervisning", vocabulary.__contains__) == tuple(
        terms("matematik undervisning")
    )
    # linking -s-
    assert danish.decompound("virksomhedsplan", vocabulary.__contains__) == tuple(
        terms("virksomhed plan")
    )
    # parts must both be known
    assert danish.decompound("laesebaand", vocabulary.__contains__) is None
    assert danish.decompound("pro", vocabulary.__contains__) is None


def test_decompound_into_three_parts_when_the_head_is_itself_a_compound():
    vocabulary = set(terms("læse forståelse strategier matematik undervisning forløb"))
    assert danish.decompound("laeseforstaaelsesstrategier", vocabulary.__contains__) == tuple(
        terms("læse forståelse strategier")
    )
    assert danish.decompound("matematikundervisningsforloeb", vocabulary.__contains__) == tuple(
        terms("matematik undervisning forløb")
    )
    # Fewer parts win: the head as a whole is preferred when the index knows it.
    vocabulary |= set(terms("læseforståelse"))
    assert danish.decompound("laeseforstaaelsesstrategier", vocabulary.__contains__) == tuple(
        terms("læseforståelse strategier")
    )
    # No more than three parts.
    assert (
        danish.decompound(
            "laeseforstaaelsesstrategiforloeb",
            set(terms("læse forståelse strategi forløb")).__contains__,
        )
        is None
    )


def test_compose_adjacent_words():
    vocabulary = set(terms("læseforståelse"))
    assert (
        danish.compose("laese", "forstaaelse", vocabulary.__contains__)
        == terms("læseforståelse")[0]
    )
    assert danish.compose("laese", "bog", vocabulary.__contains__) is None


@pytest.fixture
def tiny_index(tmp_path):
    schema = Schema(
        pk=ID(stored=True, unique=True),
        s__body=TEXT(analyzer=danish.DanishAnalyzer(), phrase=True),
    )
    ix = whoosh_index.create_in(str(tmp_path), schema)
    texts = {
        "1": "Eleverne læste højt for forældre",
        "2": "Læseforståelse i indskolingen",
        "3": "Matematik og undervisning med konkrete materialer",
    }
    with ix.writer() as w:
        for pk, text in texts.items():
            w.add_document(pk=pk, s__body=text)
    vocabulary = SpellingVocabulary()
    for text in texts.values():
        vocabulary.add_document_words(SpellingVocabulary.words_of([text]))
    vocabulary.save(str(tmp_path))
    return ix


def search(ix, text):
    with ix.searcher() as s:
        clauses = [wq.Term("s__body", t) for _, t in danish.query_words(text)]
        return {hit["pk"] for hit in s.search(wq.And(clauses), limit=None)}


def test_whoosh_index_with_danish_analyzer(tiny_index):
    assert search(tiny_index, "elevernes læsning") == {"1"}
    assert search(tiny_index, "foraeldre") == {"1"}
    assert search(tiny_index, "læseforståelse") == {"2"}


def test_spelling_suggestion_from_vocabulary(tiny_index, tmp_path):
    vocabulary = SpellingVocabulary.load(str(tmp_path))
    with tiny_index.searcher() as s:
        reader = s.reader()
        assert suggest_correction(reader, "matematk", ["s__body"], vocabulary) == "matematik"
        assert suggest_correction(reader, "eleverne læste", ["s__body"], vocabulary) is None
        assert suggest_correction(reader, "forældre", ["s__body"], vocabulary) is None
        # Danish letters are kept in suggestions
        assert suggest_correction(reader, "forældte", ["s__body"], vocabulary) == "forældre"


def test_the_query_in_the_sites_own_words_corrects_respells_and_joins(tiny_index, tmp_path):
    vocabulary = SpellingVocabulary.load(str(tmp_path))
    analyzer = danish.DanishAnalyzer()
    with tiny_index.searcher() as s:
        reader = s.reader()

        def knows(folded, term):
            return (("s__body", term) in reader) or bool(
                danish.compound_splits(folded, lambda t: ("s__body", t) in reader)
            )

        def understood(text):
            return understood_query(text, vocabulary, knows, analyzer)

        assert understood("matematk for foraeldre") == "matematik for forældre"
        assert understood("Læse forståelse i indskolingen?") == "læseforståelse i indskolingen?"
        assert understood("Hvordan læste Eleverne") == "Hvordan læste Eleverne"
        assert understood("xqzv") == "xqzv"  # nothing near it: kept as typed


def test_highlight_marks_stems_and_escapes():
    html = highlight("Eleverne læste <b>højt</b> for forældre", "elevernes læsning foraeldre")
    assert (
        html
        == "<mark>Eleverne</mark> <mark>læste</mark> &lt;b&gt;højt&lt;/b&gt; for <mark>forældre</mark>"
    )


def test_highlight_compounds_both_ways():
    assert (
        highlight("Læseforståelse i 3. klasse", "læse forståelse")
        == "<mark>Læseforståelse</mark> i 3. klasse"
    )
    assert (
        highlight("Vi øver læse forståelse", "læseforståelse")
        == "Vi øver <mark>læse</mark> <mark>forståelse</mark>"
    )


def test_highlight_snippet_window():
    text = "indledning " * 100 + "her handler det om trivsel i klassen " + "afslutning " * 100
    html = highlight(text, "trivsel", max_chars=80)
    assert "<mark>trivsel</mark>" in html
    assert html.startswith("\u2026") and html.endswith("\u2026")
    assert len(html) < 140
