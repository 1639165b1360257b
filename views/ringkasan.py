"""Ringkasan: how the city stands, in one minute, for leadership."""

from datetime import date

import streamlit as st

from lib.text.summary import headline_delta, headline_value
from lib.ui import priorities as data
from lib.ui.auth import audited_download_button
from lib.ui.i18n import day, num, t
from lib.ui.page import page_context
from lib.ui.sidebar import current_scope_label, scoped_title
from lib.ui.text import plain

ctx = page_context()
filters, scope, lang = ctx.filters, ctx.query_scope, ctx.lang

st.title(scoped_title(t("summary.title")))
with st.spinner():
    summary = data.summary(scope, filters.date_from, filters.date_to, lang)
st.caption(
    t(
        "summary.caption",
        scope=current_scope_label(),
        start=day(summary.date_from),
        end=day(summary.date_to),
        prev_start=day(summary.previous_from),
        prev_end=day(summary.previous_to),
    )
)

columns = st.columns(3)
for i, headline in enumerate(summary.headlines):
    delta = headline_delta(headline, lang)
    with columns[i % 3]:
        st.metric(
            t(f"summary.headline.{headline.key}"),
            headline_value(headline, lang),
            delta=None if delta == "–" else delta,
            delta_color="normal" if headline.higher_is_better else "inverse",
            help=t(f"summary.headline.n.{headline.key}", n=num(headline.n, 0)),
            border=True,
        )

st.subheader(t("summary.findings"))
for finding in summary.findings:
    st.markdown(f"- {plain(finding)}")
if not summary.findings:
    st.info(t("summary.empty"))

ranked = summary.scored[summary.scored["score"].notna()]
if not ranked.empty:
    st.plotly_chart(
        data.priority_bar_chart(ranked, t("summary.chart.title"), t("priority.col.score"), top=12),
        width="stretch",
    )


def _summary_pdf(summary, lang: str, scope_name: str) -> bytes:  # type: ignore[no-untyped-def]
    """Imported on click: the PDF builder loads fpdf, which no figure on the page needs."""
    from lib.reports.summary_pdf import summary_pdf_bytes

    return summary_pdf_bytes(summary, lang, date.today(), scope_name=scope_name)


audited_download_button(
    t("summary.pdf"),
    lambda: _summary_pdf(summary, lang, current_scope_label()),
    file_name=f"ringkasan_telaah_{filters.date_to:%Y%m%d}.pdf",
    mime="application/pdf",
    kind="summary_pdf",
    rows=len(ranked),
    icon=":material/picture_as_pdf:",
)
