"""One formatting layer for every table, chart and export: how a value is written for a reader.

Indonesian writes ``1.234,5`` and ``Nov 2025`` and reads times on the city's clock
(WIB); English writes ``1,234.5``. Streamlit and Vega know neither by themselves:
``st.dataframe`` prints a float as ``69.73`` and a missing value as ``None``, and Vega
names months in English and writes ``1,234.5``. So values are formatted here, on the
server, into the strings the reader sees (:mod:`lib.ui.vega` for the charts' axes).

No Streamlit import: reports (PDF, Excel) and tests use the same functions. Every
function takes ``lang`` explicitly; pages pass :func:`lib.ui.state.get_lang`.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Literal
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from babel.dates import format_date, format_datetime

from lib.i18n import DEFAULT_LANGUAGE, translate

#: What a reader sees where there is no value (never "None", "nan" or an empty cell).
EMPTY = "–"
#: The city's clock; ``TELAAH_TIMEZONE`` overrides it (a server elsewhere still shows Medan's time).
DISPLAY_TIMEZONE = os.environ.get("TELAAH_TIMEZONE", "Asia/Jakarta")
BABEL_LOCALE = {"id": "id_ID", "en": "en_GB"}
_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})

Kind = Literal["text", "int", "number", "percent", "points", "date", "month", "time", "signed", "p"]
Colour = Literal["normal", "inverse", "off"]


def _locale(lang: str) -> str:
    return BABEL_LOCALE.get(lang, BABEL_LOCALE[DEFAULT_LANGUAGE])


def is_missing(value: object) -> bool:
    """None, NaN, NaT, pd.NA and infinities: everything a reader should see as "–"."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return not math.isfinite(float(value))
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def number(value: object, lang: str, decimals: int = 2) -> str:
    """``1.234,56`` in Indonesian, ``1,234.56`` in English, rounded half to even; "–" when missing.

    Written with Python's own formatting on an exact decimal (not a Babel call per value), so a
    table of thousands of rows formats quickly on every rerun.
    """
    if is_missing(value):
        return EMPTY
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)  # type: ignore[arg-type]
    if exact == 0:
        exact = abs(exact)  # "-0,0" reads as a fall
    text = f"{exact:,.{decimals}f}"
    return text.translate(_ID_SEPARATORS) if lang == "id" else text


def integer(value: object, lang: str) -> str:
    """A count with thousands marks: ``142.292`` / ``142,292``."""
    return number(value, lang, 0)


def percent(share: object, lang: str, decimals: int = 1) -> str:
    """A share (0.257) as ``25,7%`` / ``25.7%``."""
    if is_missing(share):
        return EMPTY
    return number(float(share) * 100, lang, decimals) + "%"  # type: ignore[arg-type]


def points(value: object, lang: str, decimals: int = 1) -> str:
    """Percentage points, for a change of a share already in percent: ``3,2 pp``."""
    if is_missing(value):
        return EMPTY
    return f"{number(value, lang, decimals)} pp"


def p_value(value: object, lang: str) -> str:
    """A test's p-value as a reader can take it: ``0,049``, ``< 0,001`` (never ``0.0000``)."""
    if is_missing(value):
        return EMPTY
    if float(value) < 0.001:  # type: ignore[arg-type]
        return "< " + number(0.001, lang, 3)
    return number(value, lang, 3)


@dataclass(frozen=True)
class Change:
    """A signed change as a reader sees it: the text, its arrow, and the colour it deserves.

    ``colour`` is st.metric's ``delta_color``: "off" (grey) when the change rounds to zero at
    the shown precision, so "0,0 pp" is never a green up-arrow.
    """

    text: str
    arrow: str
    colour: Colour

    @property
    def with_arrow(self) -> str:
        return f"{self.arrow} {self.text}" if self.arrow else self.text


def change(
    value: object, lang: str, decimals: int = 1, unit: str = "", *, higher_is_better: bool = True
) -> Change | None:
    """``+1,2 pp`` / ``-0,5`` / ``0,0 pp`` with ↑ ↓ or → and a colour; None when unknown."""
    if is_missing(value):
        return None
    shown = number(value, lang, decimals)
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)  # type: ignore[arg-type]
    suffix = f" {unit}" if unit else ""
    if rounded == 0:
        return Change(f"{shown}{suffix}", "→", "off")
    sign = "+" if rounded > 0 else ""
    return Change(
        f"{sign}{shown}{suffix}", "↑" if rounded > 0 else "↓", "normal" if higher_is_better else "inverse"
    )


def metric_delta(
    value: object, lang: str, decimals: int = 1, unit: str = "", *, higher_is_better: bool = True
) -> dict[str, Any]:
    """Keyword arguments for ``st.metric``: ``delta`` and ``delta_color``, neutral at zero.

    ``st.metric(label, value, **metric_delta(d, lang, 1, "pp"))``.
    """
    found = change(value, lang, decimals, unit, higher_is_better=higher_is_better)
    if found is None:
        return {"delta": None}
    return {"delta": found.text, "delta_color": found.colour}


def _as_date(value: object) -> date | None:
    if is_missing(value):
        return None
    if isinstance(value, str):
        try:
            value = pd.Timestamp(value)
        except ValueError:
            return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def day(value: object, lang: str, style: Literal["short", "medium", "long"] = "medium") -> str:
    """``30 Nov 2026`` (medium) or ``30 November 2026`` (long) in the reader's month names."""
    found = _as_date(value)
    if found is None:
        return EMPTY
    pattern = {"short": "dd/MM/yyyy", "medium": "d MMM y", "long": "d MMMM y"}[style]
    return format_date(found, format=pattern, locale=_locale(lang))


def month(value: object, lang: str, long: bool = False) -> str:
    """``Nov 2025`` (or ``November 2025``); Indonesian writes ``Agu``, ``Okt``, ``Des``."""
    found = _as_date(value)
    if found is None:
        return EMPTY
    return format_date(found, format="MMMM y" if long else "MMM y", locale=_locale(lang))


#: ``2025-Q3`` / ``2025-S1`` (how SKM reports name quarters and semesters, :func:`lib.periods.period_label`).
_PERIOD_LABEL = re.compile(r"^(\d{4})-([QS])([1-4])$")
_ROMAN = ("I", "II", "III", "IV")


def period_text(label: object, lang: str) -> str:
    """A report period as read: ``Nov 2025``, ``Triwulan III 2025`` / ``Q3 2025``, ``Semester 1 2025`` / ``H1 2025``."""
    if is_missing(label):
        return EMPTY
    text = str(label)
    found = _PERIOD_LABEL.match(text)
    if found:
        year, kind, index = found.group(1), found.group(2), int(found.group(3))
        if kind == "Q":
            return f"Triwulan {_ROMAN[index - 1]} {year}" if lang == "id" else f"Q{index} {year}"
        return f"Semester {index} {year}" if lang == "id" else f"H{index} {year}"
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
        return month(f"{text}-01", lang)
    return text


def moment(value: object, lang: str) -> str:
    """A stored time on the city's clock: ``30 Nov 2026 11.14 WIB`` (UTC assumed when naive).

    Indonesian writes the time with a dot (11.14), as PUEBI and official letters do.
    """
    if is_missing(value):
        return EMPTY
    if isinstance(value, str | np.datetime64 | pd.Timestamp):
        try:
            value = pd.Timestamp(value).to_pydatetime()
        except ValueError:
            return EMPTY
    if not isinstance(value, datetime):
        return EMPTY
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    local = aware.astimezone(ZoneInfo(DISPLAY_TIMEZONE))
    pattern = "d MMM y HH.mm" if lang == "id" else "d MMM y HH:mm"
    return f"{format_datetime(local, format=pattern, locale=_locale(lang))} {local.tzname()}"


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class Column:
    """How one source column is shown: its label (a message key, or text) and its kind.

    ``label`` is looked up in the catalog; a label that is not a key is shown as written
    (a unit's name used as a column heading, say).
    """

    label: str
    kind: Kind = "text"
    decimals: int = 2
    unit: str = ""


def format_value(value: object, column: Column, lang: str) -> str:
    """One cell as its column's kind writes it ("–" when missing)."""
    if is_missing(value):
        return EMPTY
    kind = column.kind
    if kind == "int":
        return integer(value, lang)
    if kind == "number":
        text = number(value, lang, column.decimals)
        return f"{text} {column.unit}" if column.unit else text
    if kind == "percent":
        return percent(value, lang, column.decimals)
    if kind == "points":
        return points(value, lang, column.decimals)
    if kind == "signed":
        found = change(value, lang, column.decimals, column.unit)
        return EMPTY if found is None else found.text
    if kind == "p":
        return p_value(value, lang)
    if kind == "date":
        return day(value, lang)
    if kind == "month":
        return month(value, lang)
    if kind == "time":
        return moment(value, lang)
    text = str(value).strip()
    return text or EMPTY


def display_frame(frame: pd.DataFrame, columns: Mapping[str, Column], lang: str) -> pd.DataFrame:
    """The table a reader sees: only ``columns``, in their order, labelled, every cell a formatted string.

    Streamlit's own formatting follows the browser's locale (or none), shows missing values
    as "None" and has no Indonesian month names, so the cells are strings made here; the
    table stays sortable by its first (text) column and by reading. Raises ``KeyError`` for
    a column ``frame`` lacks: a renamed column should fail a test, not vanish from a page.
    """
    out: dict[str, list[str]] = {}
    for name, column in columns.items():
        label = translate(column.label, lang)
        out[label] = [format_value(v, column, lang) for v in frame[name].tolist()]
    return pd.DataFrame(out, index=range(len(frame)))


def column_config(columns: Mapping[str, Column], lang: str) -> dict[str, dict[str, Any]]:
    """``st.dataframe(column_config=…)`` for a :func:`display_frame` table: numbers right-aligned.

    Plain dicts (what ``st.column_config.TextColumn`` builds), so this module needs no
    Streamlit. Help texts come from ``<label>.help`` when the catalog has one.
    """
    config: dict[str, dict[str, Any]] = {}
    for column in columns.values():
        label = translate(column.label, lang)
        entry: dict[str, Any] = {"label": label, "type_config": {"type": "text"}}
        if column.kind != "text":
            entry["alignment"] = "right"
        help_key = f"{column.label}.help"
        help_text = translate(help_key, lang)
        if help_text != help_key:
            entry["help"] = help_text
        config[label] = entry
    return config


# ---------------------------------------------------------------- texts


@dataclass(frozen=True)
class MethodDetails:
    """A conclusion in plain words, with its statistics kept for the "Rincian metode" expander.

    The page writes ``conclusion`` first, then ``st.expander(title)`` holding ``lines``
    (method, CI, test): a leader reads what, how sure and what to do; an evaluator opens the
    expander. :func:`lib.ui.format.method_details` builds it.
    """

    conclusion: str
    title: str
    lines: tuple[str, ...]

    @property
    def markdown(self) -> str:
        """The expander's body: one bullet per statistic."""
        return "\n".join(f"- {line}" for line in self.lines)


def method_details(conclusion: str, lines: Iterable[str], lang: str) -> MethodDetails:
    """Pair a plain conclusion with the statistics behind it (empty lines dropped).

    The expander title is one term in each language ("Rincian metode" / "Method details"),
    so every page names it the same way.
    """
    kept = tuple(line.strip() for line in lines if line and line.strip())
    return MethodDetails(conclusion=conclusion, title=translate("format.method_details", lang), lines=kept)
