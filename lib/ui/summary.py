"""Ringkasan's sections: the headline figures, the priority chart and the PDF, in the reader's formats.

The page reads its stored summary and calls these; the words and numbers are written here
(through :mod:`lib.ui.format`), so the page itself holds no formatting and reaches no analysis.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from lib.i18n import translate
from lib.ui.charts import priority_chart
from lib.ui.format import EMPTY, is_missing, metric_delta, number, percent

#: Headlines that are shares (0–1): shown as %, their change in percentage points.
SHARE_HEADLINES = ("within_standard", "jp")
#: Decimals of the other headlines (whole numbers when not listed).
HEADLINE_DECIMALS = {"ikm": 2, "learning": 1}


def headline_text(headline: Any, lang: str) -> str:
    """A headline figure as printed: IKM with 2 decimals (and its grade), shares as %, counts whole."""
    value = headline.value
    if is_missing(value):
        return EMPTY
    if headline.key in SHARE_HEADLINES:
        return percent(value, lang, 0)
    decimals = HEADLINE_DECIMALS.get(headline.key, 0)
    shown = number(value, lang, decimals)
    if headline.key == "learning" and float(value) > 0:
        shown = "+" + shown
    detail = getattr(headline, "detail", "")
    return f"{shown} ({detail})" if headline.key == "ikm" and detail else shown


def headline_change(headline: Any, lang: str) -> dict[str, Any]:
    """``st.metric``'s ``delta``/``delta_color``: percentage points for shares, grey at zero."""
    delta = headline.delta
    if headline.key in SHARE_HEADLINES:
        scaled = None if delta is None else delta * 100
        return metric_delta(scaled, lang, 1, "pp", higher_is_better=headline.higher_is_better)
    decimals = HEADLINE_DECIMALS.get(headline.key, 0)
    return metric_delta(delta, lang, decimals, higher_is_better=headline.higher_is_better)


def headline_metrics(summary: Any, lang: str) -> None:
    """The headline figures, three to a row, each with its change and what it rests on."""
    columns = st.columns(3)
    for i, headline in enumerate(summary.headlines):
        with columns[i % 3]:
            st.metric(
                translate(f"summary.headline.{headline.key}", lang),
                headline_text(headline, lang),
                help=translate(f"summary.headline.n.{headline.key}", lang, n=number(headline.n, lang, 0)),
                border=True,
                **headline_change(headline, lang),
            )


def priority_section(summary: Any, lang: str) -> int:
    """The top twelve units by priority score; returns how many units have a score."""
    ranked = summary.scored[summary.scored["score"].notna()]
    if not ranked.empty:
        st.plotly_chart(
            priority_chart(ranked, lang, translate("summary.chart.title", lang), top=12), width="stretch"
        )
    return len(ranked)


def summary_pdf(summary: Any, lang: str, scope_name: str) -> bytes:
    """Imported on click: the PDF builder loads fpdf, which no figure on the page needs."""
    from lib.reports.summary_pdf import summary_pdf_bytes

    return summary_pdf_bytes(summary, lang, date.today(), scope_name=scope_name)
