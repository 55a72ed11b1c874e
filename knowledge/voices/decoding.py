"""The text of an answer file: UTF-8, or Windows-1252 as older survey exports are, decided line
by line. Read by the import (``importing.py``) and the ``analyse_answers`` command alike."""

from __future__ import annotations

#: Older SurveyXact and Excel "CSV" exports are Windows-1252 (Western European), not UTF-8.
LEGACY_ENCODING = "cp1252"


def _line_kind(raw: bytes) -> str:
    """ "ascii", "utf-8" (valid, with other letters) or "legacy" (not UTF-8)."""
    if raw.isascii():
        return "ascii"
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "legacy"
    return "utf-8"


def decode_lines(raw_lines: list[bytes]) -> tuple[list[str], set[int], str]:
    """The lines as text, the indexes of lines not in the file's character set, and that set.

    A file is UTF-8 unless more of its lines are not UTF-8 than are (with letters beyond
    ASCII); then it is read as Windows-1252, and lines that are UTF-8 after all, or have bytes
    Windows-1252 does not define, are the broken ones.
    """
    kinds = [_line_kind(raw) for raw in raw_lines]
    encoding = LEGACY_ENCODING if kinds.count("legacy") > kinds.count("utf-8") else "utf-8"
    lines, broken = [], set()
    for number, (raw, kind) in enumerate(zip(raw_lines, kinds)):
        if number == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            if kind == "utf-8" and encoding != "utf-8":
                raise UnicodeDecodeError(encoding, raw, 0, len(raw), "a UTF-8 line")
            lines.append(raw.decode(encoding))
        except UnicodeDecodeError:
            lines.append(raw.decode(encoding, errors="replace"))
            broken.add(number)
    return lines, broken, encoding
