"""``manage.py analyse_answers``: the site's analysis on a CSV file, as JSON or readable text."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from knowledge.voices.analysis import analyse
from knowledge.voices.analysis.answer_files import read_answers_csv

from .support import SMALL_SET, best_theme_for, members_of, small_set_labels


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("analyse_answers", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_json_lists_themes_largest_first_with_quotes_minority_and_unique_voices(tmp_path):
    out = tmp_path / "out.json"
    message = run(SMALL_SET, "--json", out)
    picture = json.loads(out.read_text(encoding="utf-8"))
    assert set(picture) == {"themes", "unique_voices"}
    assert str(out) in message
    labels = small_set_labels()
    for theme in picture["themes"]:
        assert set(theme) == {"name", "answers", "quotes", "minority"}
        assert isinstance(theme["minority"], bool) and theme["name"]
    sizes = [len(t["answers"]) for t in picture["themes"]]
    assert sizes == sorted(sizes, reverse=True)
    for slug in ("bibliotek", "skaerm", "foraeldre", "ordblind"):
        members = members_of(labels, slug)
        _found, overlap = best_theme_for(picture["themes"], members)
        assert overlap >= len(members) / 2, slug
    assert picture["unique_voices"] and set(picture["unique_voices"]) <= set(labels)


def test_the_json_is_exactly_what_the_site_analysis_gives(tmp_path):
    out = tmp_path / "out.json"
    run(SMALL_SET, "--json", out)
    answers, _rows = read_answers_csv(SMALL_SET)
    assert json.loads(out.read_text(encoding="utf-8")) == analyse(answers).as_dict()


def test_the_readable_picture_masks_what_identifies_people(tmp_path):
    answers = tmp_path / "answers.csv"
    rows = (
        ["text"]
        + [f"Flere nye bøger på biblioteket, skriv til lise{i}@example.dk" for i in range(6)]
        + [
            "Ring til min mor på 12345678 om mobilen",
            "Mindre mobil om aftenen, min lærer Hanne siger det",
            "Mobilen skal væk om aftenen",
            "mindre tid på mobilen",
        ]
    )
    with open(answers, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([row] for row in rows)
    text = run(answers)
    assert "10 answers" in text
    assert "@example.dk" not in text and "12345678" not in text and "Hanne" not in text
    assert "[e-mail]" in text


def test_ids_groups_and_schools_are_optional_and_rows_are_numbered(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "text;group\nflere bøger;elev\nmere tid;lærer\nmindre mobil;elev\n", encoding="utf-8"
    )
    out = tmp_path / "out.json"
    run(answers, "--json", out, "--words-only")
    picture = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(i for t in picture["themes"] for i in t["answers"]) == ["1", "2", "3"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"svar,gruppe\nflere b\xc3\xb8ger,elev\n", "column called 'text'"),
        # Windows-1252, but one line has a byte that character set does not define.
        (b"text\nflere b\xf8ger\nmere \x81 tid\n", "line 3 is not cp1252"),
        (b"id,text\n1,a\n1,b\n", "occurs twice"),
    ],
)
def test_a_file_that_cannot_be_read_says_what_to_change(tmp_path, content, message):
    answers = tmp_path / "answers.csv"
    answers.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(answers)


def test_a_windows_1252_file_is_read_as_the_import_reads_it(tmp_path):
    answers = tmp_path / "answers.csv"
    text = (
        "id;text;group\n1;Flere bøger på skolebiblioteket;elev\n2;Mindre skærm, mere ro;forælder\n"
    )
    answers.write_bytes(text.encode("cp1252"))
    assert b"\xf8" in answers.read_bytes()  # "ø" as Windows-1252 writes it, not UTF-8
    out = tmp_path / "out.json"
    run(answers, "--json", out, "--words-only")
    assert sorted(
        i for t in json.loads(out.read_text("utf-8"))["themes"] for i in t["answers"]
    ) == [
        "1",
        "2",
    ]
    read, _rows = read_answers_csv(answers)
    assert [a.text for a in read] == ["Flere bøger på skolebiblioteket", "Mindre skærm, mere ro"]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "nowhere.csv")
