"""Reading answers from a CSV file with a header row (``text`` required; ``id``, ``group``,
``school`` optional), as the ``analyse_answers`` command and the benchmarks do."""

from __future__ import annotations

import csv
from pathlib import Path

from .pipeline import Answer


class AnswerFileError(ValueError):
    """The file cannot be read as answers; the message says what to change."""


def read_answers_csv(path: Path | str) -> tuple[list[Answer], list[dict]]:
    """The answers of a CSV file, and each row as read (for extra columns such as labels)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            rows = list(csv.DictReader(handle, dialect=dialect))
    except UnicodeDecodeError as error:
        raise AnswerFileError(
            f"{path} is not UTF-8 text (byte {error.start}): save it as UTF-8 CSV and try again."
        ) from error
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
