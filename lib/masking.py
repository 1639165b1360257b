"""Masking of personal data in free text (complaints, survey suggestions, exports).

Citizens write their phone number, NIK or e-mail into complaint texts so that the
office can call them back. Those texts are shown to unit managers and printed in
reports, so every place that displays user text passes it through here first.

What is masked, in this order (the order matters: an e-mail can contain digits,
and a NIK is a longer digit run than a phone number):

* e-mail addresses → ``[email]``
* NIK (16-digit population number) and NIP (18-digit employee number), also when
  written in groups separated by spaces, dots or dashes → ``[NIK]`` / ``[NIP]``
* phone numbers: Indonesian mobile and landline forms (``08xx…``, ``+62 8xx…``,
  ``62-8xx…``, ``(061) 4512345``, ``061-4512345``) with 8–15 digits → ``[telepon]``

Exported texts are handled as they really arrive: line breaks real or escaped
as the two characters ``\\n``, numbers glued to words (``NIK3201…``,
``hp08…``), non-breaking spaces and dashes as separators.

Dates (``12-03-2025``, ``05.03.2025``), money (``Rp 50.000``), years, queue numbers and short
codes are left alone: they carry meaning and identify nobody.
"""

from __future__ import annotations

import re

import pandas as pd

EMAIL_TOKEN = "[email]"
NIK_TOKEN = "[NIK]"
NIP_TOKEN = "[NIP]"
PHONE_TOKEN = "[telepon]"

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")

# Exported text brings its line breaks as real ones or escaped as the two characters "\\n"
# ("Hubungi:\\n0812…"), and glues numbers to words ("NIK3201…", "hp08…"). A digit run is
# therefore bounded by "not a digit" only; phone numbers that start with a bare "62" (no "+",
# no trunk "0") must also not follow a letter, or "Rp62500000" would be taken for a phone.
_SEP = r"[ .\-\u00a0\u2013]?"
_NIP = re.compile(rf"(?<!\d)\d(?:{_SEP}\d){{17}}(?!\d)")
_NIK = re.compile(rf"(?<!\d)\d(?:{_SEP}\d){{15}}(?!\d)")

# Indonesian phone numbers: an international (+62 / 62) or trunk (0) prefix, then
# 7–13 more digits, grouped by spaces, dots or dashes, the area code possibly in
# parentheses. Requiring the prefix keeps amounts and dates out.
_AFTER_ESCAPE = r"(?<=\\[nrt])"
_PHONE = re.compile(
    r"(?:(?<![\d+])(?:\+62|0)|(?:" + _AFTER_ESCAPE + r"|(?<![\dA-Za-z+]))62)"
    r"[ .\-\u00a0\u2013]?"
    r"\d(?:[ .\-\u00a0\u2013]?\d){6,12}"
    r"(?!\d)"
)
_PHONE_PAREN = re.compile(r"(?<!\d)\(0\d{1,3}\)\s?\d(?:[ .\-]?\d){4,8}(?!\d)")


_MONEY = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DATE = re.compile(r"\d{1,2}[ .\-]\d{1,2}[ .\-](?:\d{4}|\d{2})")


def _mask_phone(match: re.Match[str]) -> str:
    """Mask digit runs that look like a whole phone number (8–15 digits), not amounts like 625.000.000."""
    found = match.group(0)
    digits = sum(ch.isdigit() for ch in found)
    if not 8 <= digits <= 15 or _MONEY.fullmatch(found) or _DATE.fullmatch(found):
        return found
    return PHONE_TOKEN


def mask_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, NIK/NIP and phone numbers replaced by tokens.

    Safe for any input: ``None`` and non-strings come back unchanged, so callers
    can map it over messy columns.
    """
    if not isinstance(text, str) or not text:
        return text
    masked = _EMAIL.sub(EMAIL_TOKEN, text)
    masked = _NIP.sub(NIP_TOKEN, masked)
    masked = _NIK.sub(NIK_TOKEN, masked)
    masked = _PHONE_PAREN.sub(PHONE_TOKEN, masked)
    return _PHONE.sub(_mask_phone, masked)


def mask_personal_data_series(texts: pd.Series) -> pd.Series:
    """Vectorised :func:`mask_personal_data` for a column of texts (missing values stay missing)."""
    if texts.empty:
        return texts.copy()
    result = texts.astype("string")
    result = result.str.replace(_EMAIL, EMAIL_TOKEN, regex=True)
    result = result.str.replace(_NIP, NIP_TOKEN, regex=True)
    result = result.str.replace(_NIK, NIK_TOKEN, regex=True)
    result = result.str.replace(_PHONE_PAREN, PHONE_TOKEN, regex=True)
    result = result.str.replace(_PHONE, _mask_phone, regex=True)
    return result.astype(object).where(texts.notna(), texts)
