"""Reading answers from a CSV file with a header row (``text`` required; ``id``, ``group``,
``school`` optional), as the ``analyse_answers`` command and the benchmarks do. The file may be
UTF-8 or Windows-1252, decided as the import decides it (``knowledge.voices.decoding``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..decoding import decode_lines
from .pipeline import Answer


class AnswerFileError(ValueError):
    """The file cannot be read as answers; the message says what to change."""


def read_answers_csv(path: Path | str) -> tuple[list[Answer], list[dict]]:
    """The answers of a CSV file, and each row as read (for extra columns such as labels)."""
    lines, broken, encoding = decode_lines(Path(path).read_bytes().splitlines(keepends=True))
    if broken:
        numbers = ", ".join(str(number + 1) for number in sorted(broken)[:10])
        raise AnswerFileError(
            f"{path}: line {numbers} is not {encoding} like the rest of the file: "
            "save it as UTF-8 CSV and try again."
        )
    text = "".join(lines)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.DictReader(io.StringIO(text, newline=""), dialect=dialect))
    if not rows or "text" not in rows[0]:
        raise AnswerFileError(f"{path} needs a header row with a column called 'text'.")
    answers, seen = [], set()
    for number, row in enumerate(rows, start=1):
        answer_id = (row.get("id") or "").strip() or str(number)
        if answer_id in seen:
            raise AnswerFileError(f"{path}: the id {answer_id!r} occurs twice (row {number}).")
        seen.add(answer_id)
        answers.append(
            Answer(
                id=answer_id,
                text=row.get("text") or "",
                group=(row.get("group") or "").strip(),
                school=(row.get("school") or "").strip(),
            )
        )
    return answers, rows
