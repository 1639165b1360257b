"""Every page, for every role and both languages, writes its values as its language does.

The pages come from the navigation data (via the page smoke test's cases and its way of
opening a page through ``app.py``). On each page the test reads what the reader sees in
tables, metrics and charts and looks for what :mod:`lib.ui.format` exists to prevent:

- unformatted numbers: ``69.73`` in Indonesian (a decimal point), ``4.0476`` (four
  decimals), ``9,9`` in English (a decimal comma), a float column drawn by Streamlit;
- ``None`` / ``nan`` where a value belongs;
- ISO dates and times (``2025-11``, ``2026-11-30 04:14:42+00:00``) and date columns drawn raw;
- code names as column headings (``employee_name``, ``skp_score``);
- charts without ``layout.separators`` in Indonesian, and date axes without month names.

A page that still has a known problem is marked xfail with the reason and who fixes it
(never skipped): when the problem is gone the entry must be removed, and any *other*
problem on that page still fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine

from lib.auth.roles import Principal
from tests.ui.shown_tables import page_html_tables, shown_cells
from tests.ui.test_page_smoke import CASES, _open, admin_account  # noqa: F401 (a fixture)
from tests.ui.vega_charts import vega_texts

#: A dot followed by 1–2 or 4+ digits is a decimal point, never an Indonesian thousands mark.
ID_DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")
#: In English, a comma before 1–2 digits is a decimal comma; 4+ decimals is raw in both.
EN_DECIMAL_COMMA = re.compile(r"(?<![\w,])\d+,\d{1,2}(?![\d,])")
TOO_MANY_DECIMALS = re.compile(r"(?<![\w.,])\d+[.,]\d{4,}(?![\d])")
ISO_DATE = re.compile(
    r"(?<![\w-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-\d{2})?(?:[ T]\d{2}:\d{2}(?::\d{2})?\S*)?(?![\w-])"
)
#: An Indonesian time of day (``11.14 WIB``) has a dot that is not a decimal point.
TIME_OF_DAY = re.compile(r"\b\d{1,2}[.:]\d{2}(?= (?:WIB|WITA|WIT)\b)")
EMPTY_WORD = re.compile(r"(?<![\w.])(None|nan|NaN|NaT|<NA>)(?![\w])")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
MONTH_NAMES = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

#: (page, problem kind) → why it is still there and who fixes it. Kinds: number, empty, date,
#: code_name, separators, date_axis. Remove an entry when its page is fixed.
#: Empty since issue 17's phase 2: every page's tables and charts go through lib.ui.format.
KNOWN: dict[tuple[str, str], str] = {}


def _problems_in_text(text: str, lang: str) -> Iterator[tuple[str, str]]:
    """(kind, excerpt) for every badly written value in one string a reader sees."""
    patterns = [("number", TOO_MANY_DECIMALS), ("empty", EMPTY_WORD), ("date", ISO_DATE)]
    patterns.append(("number", ID_DECIMAL_POINT if lang == "id" else EN_DECIMAL_COMMA))
    text = TIME_OF_DAY.sub("00", text)
    seen: set[tuple[str, int]] = set()
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            if (kind, match.start()) in seen:
                continue
            seen.add((kind, match.start()))
            start = max(match.start() - 25, 0)
            yield kind, text[start : match.end() + 15].replace("\n", " ")


def _whole_format(settings: dict[str, Any], lang: str) -> bool:
    """Whether a number column's configured format writes it correctly in ``lang``.

    A printf format without decimals (``%.0f``, ``%.0f%%``: a progress bar's score) shows no
    decimal mark, right in both languages; with decimals it prints ``69.73``, right only in English.
    """
    number_format = (settings.get("type_config") or {}).get("format")
    if not isinstance(number_format, str):
        return False
    return lang == "en" or bool(re.fullmatch(r"[^%]*%\.0f(%%)?[^%]*", number_format))


def table_problems(
    frame: pd.DataFrame, lang: str, config: dict[str, Any] | None = None
) -> Iterator[tuple[str, str]]:
    """Problems in one ``st.dataframe``/``st.table``: its headings, column types and cells.

    ``config`` is the table's column configuration: a column shown under a label is judged
    by its label, a hidden column not at all.
    """
    config = config or {}
    for column in frame.columns:
        name = str(column)
        settings = config.get(name) or {}
        if settings.get("hidden"):
            continue
        name = str(settings.get("label") or name)
        if SNAKE_CASE.match(name):
            yield "code_name", f"column {name!r}"
        values = frame[column]
        if pd.api.types.is_float_dtype(values) and values.notna().any() and not _whole_format(settings, lang):
            yield "number", f"column {name!r} holds raw floats, e.g. {values.dropna().iloc[0]!r}"
        if pd.api.types.is_datetime64_any_dtype(values):
            yield "date", f"column {name!r} holds raw dates"
        if values.isna().any():
            yield "empty", f"column {name!r}: {int(values.isna().sum())} missing values"
        for value in values.dropna().unique()[:500]:
            if isinstance(value, str):
                for kind, excerpt in _problems_in_text(value, lang):
                    yield kind, f"column {name!r}: {excerpt}"


def _visible_chart_texts(spec: dict[str, Any]) -> Iterator[str]:
    """The strings of a plotly spec a reader reads: trace texts and names, titles, ticks, notes."""
    for trace in spec.get("data", []):
        for key in ("text", "name", "texttemplate"):
            value = trace.get(key)
            if isinstance(value, str):
                yield value
            elif isinstance(value, list):
                yield from (str(v) for v in value if isinstance(v, str))
    layout = spec.get("layout", {})
    for name, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", name) and isinstance(axis, dict):
            yield from (str(v) for v in axis.get("ticktext") or [])
            title = axis.get("title")
            if isinstance(title, dict) and isinstance(title.get("text"), str):
                yield title["text"]
    title = layout.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), str):
        yield title["text"]
    for note in layout.get("annotations", []) or []:
        if isinstance(note.get("text"), str):
            yield note["text"]


def _is_iso_dates(values: Any) -> bool:
    return (
        isinstance(values, list)
        and bool(values)
        and all(isinstance(v, str) and ISO_DATE.fullmatch(v) for v in values if v is not None)
    )


def chart_problems(spec: dict[str, Any], lang: str) -> Iterator[tuple[str, str]]:
    """Problems in one plotly figure: its visible texts, separators and date axes."""
    for text in _visible_chart_texts(spec):
        yield from _problems_in_text(text, lang)
    layout = spec.get("layout", {})
    if lang == "id" and layout.get("separators") != ",.":
        yield "separators", f"layout.separators is {layout.get('separators')!r}, not ',.'"
    months = MONTH_NAMES[lang]
    for trace in spec.get("data", []):
        for letter in ("x", "y"):
            if not _is_iso_dates(trace.get(letter)):
                continue
            axis_name = (trace.get(f"{letter}axis") or letter).replace(letter, f"{letter}axis", 1)
            ticks = (layout.get(axis_name) or {}).get("ticktext") or []
            if not any(str(tick).startswith(months) for tick in ticks):
                yield "date_axis", f"{axis_name} shows dates without {lang} month names"


def page_problems(at: Any, lang: str) -> list[tuple[str, str]]:
    """Everything badly written on one rendered page, as (kind, where) pairs."""
    found: list[tuple[str, str]] = []
    for i, frame in enumerate(at.dataframe):
        config = json.loads(frame.proto.columns or "{}")
        found += [
            (kind, f"table {i}: {where}") for kind, where in table_problems(shown_cells(frame), lang, config)
        ]
    for i, table in enumerate(at.table):
        found += [(kind, f"st.table {i}: {where}") for kind, where in table_problems(table.value, lang)]
    for i, drawn in enumerate(page_html_tables(at)):
        found += [(kind, f"html table {i}: {where}") for kind, where in table_problems(drawn.cells, lang)]
    for metric in at.metric:
        for text in (str(metric.value), str(metric.delta or "")):
            found += [(kind, f"metric {metric.label!r}: {ex}") for kind, ex in _problems_in_text(text, lang)]
    for i, chart in enumerate(at.get("plotly_chart")):
        spec = json.loads(chart.proto.spec)
        found += [(kind, f"chart {i}: {where}") for kind, where in chart_problems(spec, lang)]
    for text in vega_texts(at):
        found += [(kind, f"vega chart: {ex}") for kind, ex in _problems_in_text(text, lang)]
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("role", "page", "lang"), CASES)
def test_every_page_writes_values_in_its_language(
    role: str,
    page: str,
    lang: str,
    demo_engine: Engine,
    demo_database_url: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin: Principal | None = request.getfixturevalue("admin_account") if role == "admin" else None
    at = _open(role, page, lang, demo_database_url, monkeypatch, admin)
    assert not at.exception, f"{page} as {role} ({lang}): {[e.value for e in at.exception][:2]}"
    problems = page_problems(at, lang)
    unknown = [(kind, where) for kind, where in problems if (page, kind) not in KNOWN]
    assert unknown == [], f"{page} as {role} ({lang}) writes values raw: {unknown[:8]}"
    if problems:
        reasons = sorted({KNOWN[(page, kind)] for kind, _ in problems})
        pytest.xfail("; ".join(reasons) + f" — e.g. {problems[:3]}")


# ---------------------------------------------------------------- the scanner itself


def test_the_scanner_finds_what_issue_17_saw() -> None:
    """Each example from the issue is caught, and correctly written values are not."""
    raw = pd.DataFrame(
        {
            "employee_name": ["Ani"],
            "skp_score": [69.73],
            "Dampak": ["4.0476"],
            "Waktu": ["2026-11-30 04:14:42+00:00"],
            "Bulan": ["2025-11"],
            "Catatan": [None],
        }
    )
    kinds = {kind for kind, _ in table_problems(raw, "id")}
    assert kinds == {"code_name", "number", "date", "empty"}
    assert {k for k, _ in _problems_in_text("uji 0.0000 beside 9,9", "en")} == {"number"}
    clean = pd.DataFrame(
        {
            "Nama": ["Ani"],
            "Skor": ["69,73"],
            "Jumlah": ["142.292"],
            "Bulan": ["Nov 2025"],
            "Waktu": ["30 Nov 2026 11.14 WIB"],
        }
    )
    assert list(table_problems(clean, "id")) == []
    scores = pd.DataFrame({"Skor": [49.97], "IKM": [69.73]})
    config = {
        "Skor": {"type_config": {"type": "progress", "format": "%.0f"}},
        "IKM": {"type_config": {"format": "%.2f"}},
    }
    assert [where for _, where in table_problems(scores, "id", config)] == [
        "column 'IKM' holds raw floats, e.g. np.float64(69.73)"
    ]
    assert list(table_problems(scores, "en", config)) == []
    labelled = pd.DataFrame({"name_id": ["Jalan rusak"], "internal_id": [3]})
    config = {"name_id": {"label": "Nama (Indonesia)"}, "internal_id": {"hidden": True}}
    assert list(table_problems(labelled, "id", config)) == []
    english = pd.DataFrame({"Score": ["69.73"], "Count": ["142,292"], "When": ["30 Nov 2026 11:14 WIB"]})
    assert list(table_problems(english, "en")) == []


def test_the_scanner_reads_chart_specs() -> None:
    raw = {
        "data": [{"x": ["2025-10", "2025-11"], "y": {"bdata": "AA=="}, "text": ["69.73", "–"]}],
        "layout": {"xaxis": {"title": {"text": "Bulan"}}},
    }
    kinds = {kind for kind, _ in chart_problems(raw, "id")}
    assert kinds == {"number", "separators", "date_axis"}
    fixed = {
        "data": [{"x": ["2025-10-01", "2025-11-01"], "text": ["69,73", "–"]}],
        "layout": {"separators": ",.", "xaxis": {"ticktext": ["Okt 2025", "Nov 2025"]}},
    }
    assert list(chart_problems(fixed, "id")) == []


def test_the_scanner_reads_vega_charts() -> None:
    """A Vega-Lite chart's words are in its spec and its data's text columns; numbers that only
    place marks are not read."""
    from streamlit.testing.v1 import AppTest

    def page() -> None:
        import streamlit as st

        rows = [{"unit": "Kelurahan A", "score": 69.73, "label": "69.73"}]
        st.vega_lite_chart(spec={"title": "Skor", "data": {"values": rows}, "mark": "bar"})

    at = AppTest.from_function(page).run()
    assert {kind for kind, _ in page_problems(at, "id")} == {"number"}
    assert "Kelurahan A" in vega_texts(at) and "Skor" in vega_texts(at)
