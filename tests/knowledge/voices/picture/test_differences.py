"""Group differences: marked only when statistically clear, never in cells under 5 people, and
following what people say, not how they write."""

from functools import lru_cache

import pytest
from sklearn.metrics import normalized_mutual_info_score

from knowledge.voices.analysis import Answer, analyse
from knowledge.voices.picture.differences import MIN_CELL, difference_table, holm

from ..support import SAID, styled_answers

LABELS = {"pupil": "Elev", "parent": "Forælder"}


def table_for(themes, groups):
    """themes: name -> answer ids; groups: answer id -> group."""
    return difference_table(list(themes.items()), groups, LABELS)


def test_a_planted_difference_is_marked_and_an_even_spread_is_not():
    groups = {i: "pupil" for i in range(100)} | {i: "parent" for i in range(100, 200)}
    planted = {"Frikvarter": list(range(70)) + list(range(100, 115))}
    planted["Lektier"] = [i for i in range(200) if i not in set(planted["Frikvarter"])]
    marked = table_for(planted, groups).marked
    assert ("Elev", "Frikvarter", "more") in marked
    assert ("Forælder", "Frikvarter", "fewer") in marked
    even = {"A": list(range(50)) + list(range(100, 150))}
    even["B"] = [i for i in range(200) if i not in set(even["A"])]
    assert table_for(even, groups).marked == []


def test_cells_of_fewer_than_5_people_are_suppressed_and_never_marked():
    groups = {i: "pupil" for i in range(100)} | {i: "parent" for i in range(100, 200)}
    themes = {"Stort": list(range(97)) + list(range(100, 140)), "Lille": [97, 98, 99]}
    themes["Resten"] = [i for i in range(140, 200)]
    table = table_for(themes, groups)
    pupils = next(r for r in table.rows if r.key == "pupil")
    small = pupils.cells[1]
    assert small.suppressed and small.count == 0 and not small.marked
    # One hidden cell could be worked out from the total: the next smallest is hidden too.
    assert sum(c.suppressed for c in pupils.cells) >= 2
    assert all(c.count >= MIN_CELL for c in pupils.cells if not c.suppressed)


def test_a_group_of_fewer_than_5_people_is_left_out():
    groups = {i: "pupil" for i in range(50)} | {50: "parent", 51: "parent"}
    table = table_for({"A": list(range(52))}, groups)
    assert [r.key for r in table.rows] == ["pupil"] and table.hidden_groups == 1


def test_holm_adjusts_the_smallest_p_value_by_the_number_of_tests():
    assert holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])


@lru_cache(maxsize=4)
def styled_picture(on_phones=(14, 14), words_only=False):
    """The site's analysis of pupils and parents saying the six things of ``SAID`` (14 pupils
    and 14 parents each; ``on_phones`` pupils and parents the phone one), and the answers."""
    counts = {theme: (14, 14) for theme in SAID} | {"skaerm": on_phones}
    rows = styled_answers(counts)
    answers = [Answer(answer_id, text, group) for answer_id, text, group, _theme in rows]
    picture = analyse(answers, **({"embedder": None} if words_only else {}))
    return picture, rows


def group_table(picture, rows):
    groups = {answer_id: group for answer_id, _text, group, _theme in rows}
    return difference_table([(t.name, t.answers) for t in picture.themes], groups, LABELS)


@pytest.mark.parametrize("words_only", [False, True])
def test_themes_follow_what_pupils_and_parents_say_not_how_they_write(words_only):
    """Pupils write short, lowercase, misspelt answers with slang, parents long formal ones,
    about the same six things in the same proportions: the themes mix the groups, follow the
    content, and no group difference is marked."""
    picture, rows = styled_picture(words_only=words_only)
    group_of = {answer_id: group for answer_id, _text, group, _theme in rows}
    said = {answer_id: theme for answer_id, _text, _group, theme in rows}
    found = {i: number for number, theme in enumerate(picture.themes) for i in theme.answers}
    ids = sorted(found)
    assert normalized_mutual_info_score([group_of[i] for i in ids], [found[i] for i in ids]) < 0.05
    assert normalized_mutual_info_score([said[i] for i in ids], [found[i] for i in ids]) > 0.6
    for theme in picture.themes:
        if len(theme.answers) >= 8:
            pupils = sum(group_of[i] == "pupil" for i in theme.answers) / len(theme.answers)
            assert 0.25 <= pupils <= 0.75, (theme.name, pupils)
    assert group_table(picture, rows).marked == []


@pytest.mark.parametrize("words_only", [False, True])
def test_a_difference_in_what_pupils_say_is_still_marked(words_only):
    """36 pupils and 4 parents say the phone thing, in their own styles: the theme holding it
    is marked for pupils, and nothing else is."""
    picture, rows = styled_picture(on_phones=(36, 4), words_only=words_only)
    phones = {answer_id for answer_id, _t, _g, theme in rows if theme == "skaerm"}
    theme = max(picture.themes, key=lambda t: len(phones & set(t.answers)))
    marked = group_table(picture, rows).marked
    assert ("Elev", theme.name, "more") in marked
    assert {name for _group, name, _direction in marked} == {theme.name}
