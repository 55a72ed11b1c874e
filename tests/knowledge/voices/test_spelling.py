"""Pupils' slips of spelling are counted as the word the other answers write."""

from collections import Counter

from knowledge.voices.analysis.spelling import corrections


def test_a_dropped_doubled_or_swapped_letter_is_joined_to_the_common_word():
    counts = Counter({"biblioteket": 20, "bibloteket": 1, "bibliotteket": 1, "bilbioteket": 1})
    assert corrections(counts) == {
        "bibloteket": "biblioteket",
        "bibliotteket": "biblioteket",
        "bilbioteket": "biblioteket",
    }


def test_another_real_word_one_letter_away_is_left_alone():
    # A changed letter, or a change at either end, is too often another word.
    counts = Counter({"laereren": 20, "laeseren": 2, "sammen": 20, "samme": 2, "kender": 20})
    counts["ender"] = 1
    assert corrections(counts) == {}


def test_a_word_about_as_common_as_its_neighbour_is_not_a_slip():
    assert corrections(Counter({"biblioteket": 6, "bibloteket": 3})) == {}
