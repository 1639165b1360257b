"""One formatting layer for every table, chart and export: how a value is written for a reader.

Indonesian writes ``1.234,5`` and ``Nov 2025`` and reads times on the city's clock
(WIB); English writes ``1,234.5``. Streamlit and plotly know neither by themselves:
``st.dataframe`` prints a float as ``69.73`` and a missing value as ``None``, and plotly
has no Indonesian locale (its month names are English, its separators ``.``/``,``).
So values are formatted here, on the server, into the strings the reader sees, and a
plotly figure gets its separators and its date-axis labels set before it is drawn.

No Streamlit import: reports (PDF, Excel) and tests use the same functions. Every
function takes ``lang`` explicitly; pages pass :func:`lib.ui.state.get_lang`.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
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
#: plotly's ``layout.separators``: the decimal mark, then the thousands mark.
PLOTLY_SEPARATORS = {"id": ",.", "en": ".,"}
_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})
#: Most month ticks a date axis gets; longer ranges tick every 2nd, 3rd, 6th or 12th month.
MAX_MONTH_TICKS = 12
_MONTH_STEPS = (1, 2, 3, 6, 12)

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


# ---------------------------------------------------------------- charts


def _month_start(value: date) -> date:
    return date(value.year, value.month, 1)


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_ticks(values: Iterable[object], lang: str) -> tuple[list[str], list[str]]:
    """Tick positions (ISO dates, as plotly reads them) and labels (``Nov 2025``) for a date axis.

    One tick per month from the first to the last value, thinned to every 2nd, 3rd, 6th or
    12th month so no more than :data:`MAX_MONTH_TICKS` remain; empty for no dates.
    """
    days = sorted({d for d in (_as_date(v) for v in values) if d is not None})
    if not days:
        return [], []
    first, last = _month_start(days[0]), _month_start(days[-1])
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in _MONTH_STEPS if math.ceil(span / s) <= MAX_MONTH_TICKS), 12)
    if step == 12:
        first = date(first.year, 1, 1) if first.month == 1 else date(first.year + 1, 1, 1)
    ticks = []
    current = first
    while current <= last:
        ticks.append(current)
        current = _add_months(current, step)
    if not ticks:
        ticks = [_month_start(days[0])]
    return [d.isoformat() for d in ticks], [month(d, lang) for d in ticks]


def _looks_like_dates(values: Sequence[object]) -> bool:
    sample = [v for v in values[:20] if not is_missing(v)]
    if not sample:
        return False
    if all(isinstance(v, date | datetime | pd.Timestamp | np.datetime64) for v in sample):
        return True
    if all(isinstance(v, str) for v in sample):
        if any(_PERIOD_LABEL.match(v) for v in sample):  # type: ignore[arg-type]
            return False  # quarters and semesters are written by period_text, not as months
        try:
            return all(len(v) >= 7 and v[4] == "-" and bool(pd.Timestamp(v)) for v in sample)  # type: ignore[index,arg-type]
        except ValueError:
            return False
    return False


def _axis_values(figure: Any, letter: str) -> dict[str, list[object]]:
    """Per axis name (``xaxis``, ``xaxis2``…), the date-like values its traces put on it."""
    found: dict[str, list[object]] = {}
    for trace in figure.data:
        values = getattr(trace, letter, None)
        if values is None:
            continue
        values = list(np.asarray(values, dtype=object).ravel())
        if not _looks_like_dates(values):
            continue
        anchor = getattr(trace, f"{letter}axis", None) or letter
        name = anchor.replace(letter, f"{letter}axis", 1)
        found.setdefault(name, []).extend(values)
    return found


def localise_figure(figure: Any, lang: str) -> Any:
    """``figure`` as the reader's language writes it; returned for chaining.

    Sets ``layout.separators`` (``0,5`` and ``1.234`` on Indonesian axes, hovers and text
    labels) and gives every date axis month ticks with the reader's month names
    (``Nov 2025``, not ``2025-11``): plotly bundles no Indonesian locale, so labels are
    written here. An axis whose ticks the caller already set is left alone.
    """
    figure.update_layout(separators=PLOTLY_SEPARATORS.get(lang, PLOTLY_SEPARATORS[DEFAULT_LANGUAGE]))
    layout = figure.layout.to_plotly_json()
    for letter in ("x", "y"):
        for name, values in _axis_values(figure, letter).items():
            if layout.get(name, {}).get("tickvals") is not None:
                continue
            tickvals, ticktext = month_ticks(values, lang)
            if tickvals:
                figure.update_layout(
                    {name: {"tickmode": "array", "tickvals": tickvals, "ticktext": ticktext}}
                )
    for trace in figure.data:
        _localise_date_hover(trace, lang)
    return figure


#: ``%{x}``, ``%{x|%b %Y}``, ``%{x:…}`` in a hover template: plotly would write the date in English.
_X_IN_TEMPLATE = re.compile(r"%\{x(?:[|:][^}]*)?\}")


def date_hover_labels(values: Sequence[object], lang: str) -> list[str]:
    """What a hover says for each date: ``Nov 2025`` for months (every date a 1st), else ``3 Nov 2025``."""
    days = [_as_date(v) for v in values]
    monthly = all(d is None or d.day == 1 for d in days)
    return [EMPTY if d is None else month(d, lang) if monthly else day(d, lang) for d in days]


def _localise_date_hover(trace: Any, lang: str) -> None:
    """Write a date-x trace's hover date on the server (plotly bundles no Indonesian month names).

    The labels go to ``hovertext`` and the template's ``%{x…}`` becomes ``%{hovertext}``; a
    trace without a template gets ``<date>: <y>``. Heatmaps get one label per cell.
    """
    xs = getattr(trace, "x", None)
    if xs is None or getattr(trace, "hovertext", None) is not None:
        return
    values = list(np.asarray(xs, dtype=object).ravel())
    if not _looks_like_dates(values):
        return
    labels = date_hover_labels(values, lang)
    template = trace.hovertemplate
    if template is None:
        value = "%{z}" if trace.type == "heatmap" else "%{y}"
        template = f"%{{x}}: {value}"
    if not _X_IN_TEMPLATE.search(template):
        return
    if trace.type == "heatmap":
        rows = len(np.asarray(trace.z, dtype=object)) if trace.z is not None else 0
        trace.hovertext = [labels for _ in range(rows)]
    else:
        trace.hovertext = labels
    trace.hovertemplate = _X_IN_TEMPLATE.sub("%{hovertext}", template)


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
