"""``t(key)`` in the language the user picked in the sidebar."""

from __future__ import annotations

from lib.i18n import fmt_date as _fmt_date
from lib.i18n import fmt_number as _fmt_number
from lib.i18n import fmt_percent as _fmt_percent
from lib.i18n import translate
from lib.ui.state import get_lang


def t(key: str, **values: object) -> str:
    return translate(key, get_lang(), **values)


def num(value: float | int | None, decimals: int = 2) -> str:
    return _fmt_number(value, get_lang(), decimals)


def pct(value: float | None, decimals: int = 1) -> str:
    return _fmt_percent(value, get_lang(), decimals)


def day(value) -> str:  # type: ignore[no-untyped-def]
    return _fmt_date(value, get_lang())
