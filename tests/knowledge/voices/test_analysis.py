"""The analysis engine on a small labelled set: themes found, the minority kept, voices listed."""

import json
from functools import lru_cache

from knowledge.voices.analysis import Answer, analyse
from knowledge.voices.analysis.answer_files import read_answers_csv
from knowledge.voices.analysis.clustering import MAX_THEMES

from .support import SMALL_SET, best_theme_for, members_of, small_set_labels


@lru_cache(maxsize=2)
def _small_picture(words_only):
    answers, _rows = read_answers_csv(SMALL_SET)
    return json.dumps(analyse(answers, **({"embedder": None} if words_only else {})).as_dict())


def small_picture(words_only=False):
    """The picture of the small set (computed once per run: embedding it takes seconds)."""
    return json.loads(_small_picture(words_only))


def test_each_big_theme_is_mostly_found_together():
    picture, labels = small_picture(), small_set_labels()
    for slug in ("bibliotek", "skaerm", "foraeldre"):
        members = members_of(labels, slug)
        found, overlap = best_theme_for(picture["themes"], members)
        assert overlap >= len(members) / 2, slug
        assert overlap >= 0.75 * len(found), slug


def test_the_small_theme_is_kept_as_a_theme_of_its_own_and_quoted():
    picture, labels = small_picture(), small_set_labels()
    dyslexia = members_of(labels, "ordblind")
    found, overlap = best_theme_for(picture["themes"], dyslexia)
    assert overlap == len(dyslexia) and found == dyslexia
    theme = next(t for t in picture["themes"] if set(t["answers"]) == dyslexia)
    assert "ordblind" in theme["name"].lower()
    assert set(theme["quotes"]) <= dyslexia and theme["quotes"]


def test_every_answer_is_in_a_theme_and_themes_come_largest_first():
    picture, labels = small_picture(), small_set_labels()
    placed = [i for theme in picture["themes"] for i in theme["answers"]]
    assert sorted(placed) == sorted(labels)
    sizes = [len(theme["answers"]) for theme in picture["themes"]]
    assert sizes == sorted(sizes, reverse=True)
    for theme in picture["themes"]:
        assert 1 <= len(theme["quotes"]) <= 3
        assert set(theme["quotes"]) <= set(theme["answers"])


def test_unique_voices_are_listed_and_never_repeat_a_quote():
    picture = small_picture()
    quoted = {i for theme in picture["themes"] for i in theme["quotes"]}
    assert len(picture["unique_voices"]) >= 3
    assert not quoted & set(picture["unique_voices"])


def test_the_same_answers_always_give_the_same_picture():
    answers, _rows = read_answers_csv(SMALL_SET)
    assert analyse(answers).as_dict() == small_picture()


def test_the_words_only_fallback_still_finds_the_big_themes():
    picture, labels = small_picture(words_only=True), small_set_labels()
    for slug in ("bibliotek", "skaerm"):
        members = members_of(labels, slug)
        _found, overlap = best_theme_for(picture["themes"], members)
        assert overlap >= len(members) / 3, slug


def test_no_more_themes_than_a_reader_can_take_in():
    answers = [
        Answer(str(i), f"svar nummer {i} om emne{i} og ord{i * 7} ting{i * 13}") for i in range(400)
    ]
    picture = analyse(answers, embedder=None)
    assert len(picture.themes) <= MAX_THEMES
    assert sum(len(t.answers) for t in picture.themes) == 400


def test_empty_and_tiny_inputs_give_a_picture():
    assert analyse([], embedder=None).as_dict() == {"themes": [], "unique_voices": []}
    assert analyse([Answer("1", "   ")], embedder=None).themes == []
    picture = analyse([Answer("1", "flere bøger"), Answer("2", "mere tid")], embedder=None)
    assert [t.answers for t in picture.themes] == [["1", "2"]]
    assert picture.themes[0].minority is False


def test_a_theme_of_at_most_four_percent_is_a_minority():
    texts = (
        ["mindre tid på mobilen om aftenen"] * 60
        + ["flere nye bøger på biblioteket"] * 60
        + [
            "min søn er ordblind og har brug for lydbøger",
            "ordblinde børn skal have hjælpemidler",
            "jeg er ordblind og bogstaverne hopper",
            "test for ordblindhed i indskolingen",
        ]
    )
    answers = [Answer(str(i), text) for i, text in enumerate(texts)]
    picture = analyse(answers, embedder=None)
    small = [t for t in picture.themes if {"120", "121", "122", "123"} == set(t.answers)]
    assert small and small[0].minority
    assert not picture.themes[0].minority
