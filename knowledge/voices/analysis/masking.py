"""Masking of what identifies a person in an answer, before it is quoted or exported.

Answers are personal data, often children's. E-mail addresses, CPR numbers, Danish phone numbers
and people's names are replaced by a bracketed word. Names are found without a language model:
a shipped list of common Danish first names, plus any capitalised word right after a word that
introduces a person ("min lærer Hanne", "hedder Mads"). Masking errs on the side of hiding.
"""

import re

from .first_names import FIRST_NAMES

EMAIL_MASK = "[e-mail]"
CPR_MASK = "[cpr-nummer]"
PHONE_MASK = "[telefon]"
NAME_MASK = "[navn]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# CPR: ddmmyy-xxxx, with or without the dash or a space.
_CPR = re.compile(r"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[- ]?\d{4}(?!\d)")
# Danish phone numbers: 8 digits, optionally after +45/0045, written together or in pairs or
# fours ("12 34 56 78", "1234 5678"); dates ("12.03.2026", "2026-01-01") are other groupings.
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)45[ .-]?)?(?:\d{8}|\d{2}(?:[ .-]\d{2}){3}|\d{4}[ .-]\d{4})(?!\d)"
)
_WORD = re.compile(r"\w+", re.UNICODE)
# Words after which a capitalised word is a person's name.
_PERSON_CUES = frozenset(
    """
lærer lærerinde pædagog inspektør leder skoleleder ven veninde kammerat søster bror mor far
mormor farmor morfar farfar søn datter barn elev klassekammerat hedder hed kalder ved navn
nabo træner kæreste onkel moster faster tante
""".split()
)


def _mask_names(text: str) -> str:
    pieces, last, previous = [], 0, ""
    for match in _WORD.finditer(text):
        word = match.group(0)
        lowered = word.lower()
        is_name = (word[:1].isupper() and lowered in FIRST_NAMES) or (
            word[:1].isupper() and previous in _PERSON_CUES
        )
        if is_name:
            pieces.append(text[last : match.start()])
            pieces.append(NAME_MASK)
            last = match.end()
        previous = lowered
    pieces.append(text[last:])
    return "".join(pieces)


def mask(text: str) -> str:
    """The text with e-mail addresses, CPR and phone numbers and names replaced."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _CPR.sub(CPR_MASK, text)
    text = _PHONE.sub(PHONE_MASK, text)
    return _mask_names(text)
