"""Group differences: marked only when statistically clear, never in cells under 5 people, and
following what people say, not how they write."""

import pytest

from knowledge.voices.picture.differences import MIN_CELL, difference_table, holm

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


def test_style_between_groups_is_no_difference_when_the_themes_hold_the_same_content():
    """Pupils and adults saying the same things in their own styles: themes that follow the
    content hold both groups in proportion, and nothing is marked."""
    groups = {i: "pupil" for i in range(60)} | {i: "parent" for i in range(60, 120)}
    by_content = {
        "Bøger": list(range(0, 20)) + list(range(60, 80)),
        "Mobil": list(range(20, 40)) + list(range(80, 100)),
        "Ro": list(range(40, 60)) + list(range(100, 120)),
    }
    assert table_for(by_content, groups).marked == []
