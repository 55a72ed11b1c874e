"""Importing answers from CSV or XLSX files as survey tools export them.

Three steps: upload (the file is kept in the cache under a token for an hour), choose the
columns and see a preview with every bad row listed by number and reason, import. The import
is all-or-nothing: while any row is bad nothing is stored, and the rows are stored in one
transaction with ``bulk_create``, so thousands of rows take seconds. Sentence vectors are
computed afterwards by a background task.
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .decoding import decode_lines
from .models import MAX_ANSWER_LENGTH, Answer, AnswerSource, RespondentGroup
from .tasks import enqueue_embedding

MAX_FILE_BYTES = 20 * 1024 * 1024
PREVIEW_ROWS = 10
CACHE_SECONDS = 60 * 60

#: How survey tools and people write the respondent groups (lowercased).
GROUP_WORDS = {
    RespondentGroup.PUPIL: {"elev", "elever", "pupil", "student", "barn"},
    RespondentGroup.PARENT: {"forælder", "forældre", "foraelder", "parent", "mor", "far"},
    RespondentGroup.TEACHER: {"lærer", "lærere", "laerer", "teacher", "underviser"},
    RespondentGroup.STAFF: {
        "andet personale",
        "personale",
        "pædagog",
        "staff",
        "other staff",
        "medarbejder",
    },
}
_GROUP_BY_WORD = {word: group for group, words in GROUP_WORDS.items() for word in words}


class ImportFileError(ValueError):
    """The file cannot be read as a table; the message says what to do."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]  # every row, as text; row i is file row i + 2 (after the header)
    undecodable: set[int] = field(default_factory=set)  # rows not in the file's character set
    encoding: str = "utf-8"  # the character set the file was read in


def _csv_table(data: bytes) -> Table:
    lines, undecodable, encoding = decode_lines(data.splitlines(keepends=True))
    text = "".join(lines)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ImportFileError(gettext("The file is empty."))
    # Line numbers and rows coincide unless a field spans lines; then mark by content.
    bad_rows = (
        {i - 1 for i in undecodable if i >= 1}
        if len(rows) == len(lines)
        else {i for i, row in enumerate(rows[1:]) if any("\ufffd" in cell for cell in row)}
    )
    return Table(
        header=[h.strip() for h in rows[0]], rows=rows[1:], undecodable=bad_rows, encoding=encoding
    )


def encoding_note(table: Table) -> str:
    """What the asker should know about how the file was read, or "" when it was UTF-8."""
    if table.encoding == "utf-8":
        return ""
    return gettext(
        "The file is not saved as UTF-8, so it was read as Windows-1252 (Western European), "
        "as older SurveyXact and Excel exports are. Check in the preview that æ, ø and å look "
        "right; if not, save the file as “CSV UTF-8” and upload it again."
    )


def _xlsx_table(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise ImportFileError(
            gettext("The file could not be opened as an Excel workbook (.xlsx).")
        ) from error
    sheet = workbook.worksheets[0]
    rows = [
        ["" if cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    workbook.close()
    if not rows:
        raise ImportFileError(gettext("The file is empty."))
    return Table(header=[h.strip() for h in rows[0]], rows=rows[1:])


def read_table(name: str, data: bytes) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(gettext("The file is larger than 20 MB."))
    if name.lower().endswith(".xlsx"):
        table = _xlsx_table(data)
    elif name.lower().endswith((".csv", ".txt")):
        table = _csv_table(data)
    else:
        raise ImportFileError(gettext("Choose a CSV file or an Excel workbook (.xlsx)."))
    if not any(table.header):
        raise ImportFileError(gettext("The first row must name the columns."))
    return table


@dataclass
class RowProblem:
    row: int  # the row's number in the file, the header being row 1
    reason: str


@dataclass
class CheckedRows:
    answers: list[dict]
    problems: list[RowProblem]
    left_out: list[int]


def check_rows(
    table: Table,
    text_column: int,
    group_column: int | None,
    school_column: int | None,
    schools: dict[str, object],
    skip_empty: bool = True,
) -> CheckedRows:
    """Every row as an answer to store, or the reason it cannot be stored."""
    answers, problems, left_out = [], [], []
    schools_by_name = {name.strip().lower(): school for name, school in schools.items()}

    def cell(row, column):
        return row[column].strip() if column is not None and column < len(row) else ""

    for index, row in enumerate(table.rows):
        number = index + 2
        if not any(c.strip() for c in row):
            left_out.append(number)
            continue
        if index in table.undecodable:
            if table.encoding == "utf-8":
                reason = gettext("wrong encoding: the row has characters that are not UTF-8")
            else:
                reason = gettext(
                    "wrong encoding: the row is not Windows-1252 like the rest of the file"
                )
            problems.append(RowProblem(number, reason))
            continue
        text = cell(row, text_column)
        if not text:
            if skip_empty:
                left_out.append(number)
            else:
                problems.append(RowProblem(number, gettext("the answer is empty")))
            continue
        if len(text) > MAX_ANSWER_LENGTH:
            problems.append(
                RowProblem(
                    number,
                    gettext("the answer is too long: %(length)d characters, at most %(limit)d")
                    % {"length": len(text), "limit": MAX_ANSWER_LENGTH},
                )
            )
            continue
        group_word = cell(row, group_column).lower()
        group = _GROUP_BY_WORD.get(group_word, "")
        if group_word and not group:
            problems.append(
                RowProblem(
                    number,
                    gettext("unknown respondent group “%(group)s”")
                    % {"group": cell(row, group_column)},
                )
            )
            continue
        school_name = cell(row, school_column)
        school = schools_by_name.get(school_name.lower()) if school_name else None
        if school_name and school is None:
            problems.append(
                RowProblem(
                    number,
                    gettext("the school “%(school)s” is not one of this question's schools")
                    % {"school": school_name},
                )
            )
            continue
        answers.append({"text": text, "group": group, "school": school})
    return CheckedRows(answers, problems, left_out)


def store_answers(question, answers: list[dict]) -> list[int]:
    """Store every answer or none (one transaction); the vectors are queued afterwards."""
    with transaction.atomic():
        created = Answer.objects.bulk_create(
            [
                Answer(
                    question=question,
                    source=AnswerSource.IMPORT,
                    text=a["text"],
                    group=a["group"],
                    school=a["school"],
                )
                for a in answers
            ],
            batch_size=1000,
        )
        ids = [answer.pk for answer in created]
        enqueue_embedding(ids)
    return ids


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or Excel file"))


class ColumnsForm(forms.Form):
    text_column = forms.TypedChoiceField(label=_("Column with the answers"), coerce=int)
    group_column = forms.TypedChoiceField(
        label=_("Column with the respondent group"), coerce=int, required=False, empty_value=None
    )
    school_column = forms.TypedChoiceField(
        label=_("Column with the school"), coerce=int, required=False, empty_value=None
    )
    skip_empty = forms.BooleanField(
        label=_("Leave out rows without an answer"), required=False, initial=True
    )

    def __init__(self, header, *args, **kwargs):
        super().__init__(*args, **kwargs)
        columns = [
            (i, name or gettext("column %(number)d") % {"number": i + 1})
            for i, name in enumerate(header)
        ]
        self.fields["text_column"].choices = columns
        for name in ("group_column", "school_column"):
            self.fields[name].choices = [("", gettext("(none)"))] + columns
        lowered = [h.lower() for h in header]
        for name, words in (
            ("text_column", ("text", "svar", "answer", "besvarelse")),
            ("group_column", ("group", "gruppe", "rolle", "jeg er")),
            ("school_column", ("school", "skole")),
        ):
            for i, heading in enumerate(lowered):
                if any(word in heading for word in words):
                    self.fields[name].initial = i
                    break


def _cache_key(question, token):
    return f"voices:import:{question.pk}:{token}"


def import_view(request, pk):
    from .admin_views import owned_question

    question = owned_question(request, pk)
    token = request.POST.get("token") or request.GET.get("token")
    stored = cache.get(_cache_key(question, token)) if token else None
    context = {"question": question}
    if stored is None:
        upload = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and upload.is_valid():
            uploaded = upload.cleaned_data["file"]
            data = uploaded.read(MAX_FILE_BYTES + 1)
            try:
                read_table(uploaded.name, data)
            except ImportFileError as error:
                upload.add_error("file", str(error))
            else:
                token = secrets.token_urlsafe(16)
                cache.set(_cache_key(question, token), (uploaded.name, data), CACHE_SECONDS)
                return redirect(f"{reverse('voices_admin:import', args=[pk])}?token={token}")
        return render(request, "voices/admin/import_upload.html", {**context, "form": upload})

    name, data = stored
    table = read_table(name, data)
    columns = ColumnsForm(table.header, request.POST if "text_column" in request.POST else None)
    checked = None
    if columns.is_bound and columns.is_valid():
        schools = {s.title: s for s in question.school_choices()}
        checked = check_rows(
            table,
            columns.cleaned_data["text_column"],
            columns.cleaned_data["group_column"],
            columns.cleaned_data["school_column"],
            schools,
            columns.cleaned_data["skip_empty"],
        )
        if "import" in request.POST and not checked.problems and checked.answers:
            ids = store_answers(question, checked.answers)
            cache.delete(_cache_key(question, token))
            messages.success(
                request, gettext("%(count)d answers were imported.") % {"count": len(ids)}
            )
            return redirect(reverse("voices_admin:answers", args=[pk]))
    return render(
        request,
        "voices/admin/import_columns.html",
        {
            **context,
            "form": columns,
            "token": token,
            "file_name": name,
            "checked": checked,
            "header": table.header,
            "preview": table.rows[:PREVIEW_ROWS],
            "encoding_note": encoding_note(table),
            "row_count": len(table.rows),
        },
    )
