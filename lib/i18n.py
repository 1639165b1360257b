"""Message catalogs: Indonesian by default, English available.

Each area keeps its own catalog in ``lib/locales/<area>.py`` as
``MESSAGES = {"key": {"id": "…", "en": "…"}}``; this module merges them, so
adding a page never means editing a shared file. Used by the UI *and* by
non-UI code (validation messages, reports, CLI), hence no Streamlit here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

import lib.locales

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_BABEL_LOCALE = {"id": "id_ID", "en": "en_GB"}


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(lib.locales.__path__):
        module = importlib.import_module(f"lib.locales.{info.name}")
        for key, texts in getattr(module, "MESSAGES", {}).items():
            if key in merged and merged[key] != texts:
                raise ValueError(f"message key {key!r} defined twice with different texts")
            merged[key] = texts
    return merged


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message for ``key`` in ``lang`` (falling back to Indonesian, then the key itself)."""
    texts = catalog().get(key)
    if texts is None:
        return key
    template = texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or key
    return template.format(**values) if values else template


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 2) -> str:
    """``1.234,56`` in Indonesian, ``1,234.56`` in English; an em dash for missing values."""
    if value is None or value != value:  # NaN
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALE.get(lang, "id_ID"))


def fmt_percent(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """``value`` is a share (0.25 → 25,0%)."""
    if value is None or value != value:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + "%"
    return format_percent(value, format=pattern, locale=_BABEL_LOCALE.get(lang, "id_ID"))


def fmt_date(value, lang: str = DEFAULT_LANGUAGE, style: str = "long") -> str:  # type: ignore[no-untyped-def]
    """``22 November 2026`` in both languages' own month names."""
    if value is None:
        return "–"
    return format_date(value, format=style, locale=_BABEL_LOCALE.get(lang, "id_ID"))
