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
from lib.ui.headlines import headline_basis, headline_change, headline_text
from lib.ui.vega import spec_and_data


def headline_metrics(summary: Any, lang: str) -> None:
    """The headline figures, three to a row, each with its change and what it rests on."""
    columns = st.columns(3)
    for i, headline in enumerate(summary.headlines):
        with columns[i % 3]:
            st.metric(
                translate(f"summary.headline.{headline.key}", lang),
                headline_text(headline, lang),
                help=headline_basis(headline, lang),
                border=True,
                **headline_change(headline, lang),
            )


def priority_section(summary: Any, lang: str) -> int:
    """The top twelve units by priority score; returns how many units have a score."""
    ranked = summary.scored[summary.scored["score"].notna()]
    if not ranked.empty:
        spec, rows = spec_and_data(
            priority_chart(ranked, lang, translate("summary.chart.title", lang), top=12)
        )
        st.vega_lite_chart(rows, spec=spec, width="stretch", key="summary_priority_chart")
    return len(ranked)


def summary_pdf(summary: Any, lang: str, scope_name: str) -> bytes:
    """Imported on click: the PDF builder loads fpdf, which no figure on the page needs."""
    from lib.reports.summary_pdf import summary_pdf_bytes

    return summary_pdf_bytes(summary, lang, date.today(), scope_name=scope_name)
