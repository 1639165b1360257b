"""Ringkasan: how the city stands, in one minute, for leadership."""

import streamlit as st

from lib.ui import priorities as data
from lib.ui.auth import audited_download_button
from lib.ui.blocks import text_block
from lib.ui.i18n import day, t
from lib.ui.page import page_context
from lib.ui.sidebar import current_scope_label, scoped_title
from lib.ui.summary import headline_metrics, priority_section, summary_pdf
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

headline_metrics(summary, lang)

# the heading and every finding in one element (an element per line cost the browser more than the line)
text_block(f"### {t('summary.findings')}", "\n\n".join(f"- {plain(finding)}" for finding in summary.findings))
if not summary.findings:
    st.info(t("summary.empty"))

scored = priority_section(summary, lang)

audited_download_button(
    t("summary.pdf"),
    lambda: summary_pdf(summary, lang, current_scope_label()),
    file_name=f"ringkasan_telaah_{filters.date_to:%Y%m%d}.pdf",
    mime="application/pdf",
    kind="summary_pdf",
    rows=scored,
    icon=":material/picture_as_pdf:",
)
