"""Importing answers from CSV and XLSX: columns, preview, bad rows by number, all-or-nothing."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from knowledge.voices import importing
from knowledge.voices.models import MAX_ANSWER_LENGTH, Answer
from tests.support.network import PASSWORD

from .support import make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(network):
    return make_question(network.school_a)


@pytest.fixture
def leader(client, network):
    assert client.login(username=network.leader_a.username, password=PASSWORD)
    return client


def csv_bytes(rows, delimiter=";"):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(client, question, name, data):
    url = reverse("voices_admin:import", args=[question.pk])
    response = client.post(url, {"file": _file(name, data)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response.url, response.url.split("token=")[1]


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


SURVEY = [
    ["Respondent", "Hvad synes du? (svar)", "Jeg er", "Skole"],
    ["1", "Flere bøger om heste", "Elev", "Skjoldhøjskolen"],
    ["2", "Læs højt derhjemme", "Forælder", "skjoldhøjskolen"],
    ["3", "", "Elev", "Skjoldhøjskolen"],
    ["4", "Mere ro i læsebåndet", "Lærer", ""],
]


def choose(client, url, token, **fields):
    data = {
        "token": token,
        "text_column": 1,
        "group_column": 2,
        "school_column": 3,
        "skip_empty": "on",
    }
    data.update(fields)
    return client.post(url, data)


def test_a_csv_export_is_previewed_and_imported(
    leader, question, django_capture_on_commit_callbacks
):
    url, token = upload(leader, question, "survey.csv", csv_bytes(SURVEY))
    page = leader.get(url).content.decode()
    assert "Flere bøger om heste" in page and "Forhåndsvisning" in page
    assert 'value="1" selected' in page  # the answer column is guessed from its heading
    checked = choose(leader, url, token, check="1").content.decode()
    assert (
        "3 svar er klar til import." in checked and "Rækker uden svar springes over: 4." in checked
    )
    assert not Answer.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = choose(leader, url, token, **{"import": "1"})
    assert response.status_code == 302
    answers = list(Answer.objects.order_by("pk").values_list("text", "group", "school", "source"))
    school = question.owner_school.pk
    assert answers == [
        ("Flere bøger om heste", "pupil", school, "import"),
        ("Læs højt derhjemme", "parent", school, "import"),
        ("Mere ro i læsebåndet", "teacher", None, "import"),
    ]
    assert not Answer.objects.filter(embedding__isnull=True).exists()


def test_an_xlsx_export_is_imported(leader, question):
    url, token = upload(leader, question, "forms.xlsx", xlsx_bytes(SURVEY))
    choose(leader, url, token, **{"import": "1"})
    assert Answer.objects.count() == 3


def test_bad_rows_are_listed_by_number_and_nothing_is_imported(leader, question):
    rows = SURVEY + [
        ["5", "x" * (MAX_ANSWER_LENGTH + 1), "Elev", ""],
        ["6", "Et svar", "Rektor", ""],
        ["7", "Et svar mere", "Elev", "Rosengårdskolen"],
    ]
    data = (
        csv_bytes(rows) + "8;Forkert tegnsæt: ".encode() + "bøger".encode("cp1252") + b";Elev;\r\n"
    )
    url, token = upload(leader, question, "survey.csv", data)
    for import_anyway in ({}, {"import": "1"}):
        page = choose(leader, url, token, **import_anyway).content.decode()
        assert "Intet er importeret" in page
        assert "Række 6: svaret er for langt: 2001 tegn, højst 2000" in page
        assert "Række 7: ukendt gruppe “Rektor”" in page
        assert "Række 8: skolen “Rosengårdskolen” er ikke en af spørgsmålets skoler" in page
        assert "Række 9: forkert tegnsæt" in page
        assert not Answer.objects.exists()


def cp1252_bytes(rows):
    """A CSV as older SurveyXact exports it: semicolons, CRLF, Windows-1252, no BOM."""
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return out.getvalue().encode("cp1252")


def test_a_windows_1252_export_is_read_as_such_with_a_note(leader, question):
    data = cp1252_bytes(SURVEY + [["5", "Æbler, øl og ål: gode bøger om mad", "Lærer", ""]])
    assert b"b\xf8ger" in data  # real Windows-1252 bytes: ø is one byte, not UTF-8
    url, token = upload(leader, question, "surveyxact.csv", data)
    page = leader.get(url).content.decode()
    assert "Filen er ikke gemt som UTF-8, så den er læst som Windows-1252" in page
    assert "Flere bøger om heste" in page and "Skjoldhøjskolen" in page
    choose(leader, url, token, **{"import": "1"})
    assert list(Answer.objects.order_by("pk").values_list("text", flat=True)) == [
        "Flere bøger om heste",
        "Læs højt derhjemme",
        "Mere ro i læsebåndet",
        "Æbler, øl og ål: gode bøger om mad",
    ]


def test_rows_not_in_the_files_windows_1252_are_listed_by_number(leader, question):
    data = (
        cp1252_bytes(SURVEY)
        + "5;Læs på mit eget sprog;Elev;\r\n".encode()  # a UTF-8 row pasted in
        + b"6;Broken \x81 byte;Elev;\r\n"  # 0x81 is not a Windows-1252 character
        + cp1252_bytes([["7", "Flere lydbøger på biblioteket", "Elev", ""]])
    )
    url, token = upload(leader, question, "surveyxact.csv", data)
    page = choose(leader, url, token, **{"import": "1"}).content.decode()
    assert "Intet er importeret" in page
    for row in (6, 7):
        assert f"Række {row}: forkert tegnsæt: rækken er ikke Windows-1252" in page
    assert "Række 8" not in page and "Række 2" not in page
    assert not Answer.objects.exists()


def test_a_utf_8_file_gets_no_encoding_note(leader, question):
    url, token = upload(leader, question, "survey.csv", csv_bytes(SURVEY))
    assert "Windows-1252" not in leader.get(url).content.decode()


def test_empty_rows_can_be_refused_instead_of_left_out(leader, question):
    url, token = upload(leader, question, "survey.csv", csv_bytes(SURVEY))
    page = choose(leader, url, token, skip_empty="", **{"import": "1"}).content.decode()
    assert "Række 4: svaret er tomt" in page
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("answers.pdf", b"%PDF-1.4", "Vælg en CSV-fil eller et Excel-regneark (.xlsx)."),
        ("answers.xlsx", b"not a workbook", "Filen kunne ikke åbnes som et Excel-regneark"),
        ("answers.csv", b"", "Den medsendte fil er tom."),
        ("answers.csv", b"\r\n\r\n", "Første række skal give kolonnerne navne."),
    ],
)
def test_a_file_that_is_not_a_table_is_refused_with_a_reason(leader, question, name, data, message):
    url = reverse("voices_admin:import", args=[question.pk])
    page = leader.post(url, {"file": _file(name, data)}).content.decode()
    assert message in page
    assert not Answer.objects.exists()


def test_a_failure_while_storing_changes_nothing(question, monkeypatch):
    def fail_after_storing(ids):
        raise RuntimeError("the queue is down")

    monkeypatch.setattr(importing, "enqueue_embedding", fail_after_storing)
    with pytest.raises(RuntimeError):
        importing.store_answers(
            question, [{"text": f"svar {i}", "group": "", "school": None} for i in range(50)]
        )
    assert not Answer.objects.exists()


def test_a_huge_file_of_thousands_of_rows_is_imported_whole(question, monkeypatch):
    monkeypatch.setattr(importing, "enqueue_embedding", lambda ids: None)
    rows = [["svar", "gruppe"]] + [
        [f"Svar nummer {i} om læsning og bøger", "elev"] for i in range(5000)
    ]
    table = importing.read_table("big.csv", csv_bytes(rows))
    checked = importing.check_rows(table, 0, 1, None, {})
    assert not checked.problems and len(checked.answers) == 5000
    importing.store_answers(question, checked.answers)
    assert question.answers.count() == 5000
    assert question.answers.filter(group="pupil").count() == 5000
