"""Unggah Data: evaluators bring CSV/XLSX files of every kind, check them, import, and undo."""

import streamlit as st

from lib.auth.roles import can_import, can_undo
from lib.ui.auth import require_permission
from lib.ui.i18n import t
from lib.ui.streamlit_text import localise_file_uploader
from lib.ui.upload import render_history, render_templates, render_upload

principal = require_permission(can_import)
st.title(t("ingest.page.title"))
st.caption(t("ingest.page.caption"))

upload_tab, template_tab, history_tab = st.tabs(
    [t("ingest.page.tab_upload"), t("ingest.page.tab_templates"), t("ingest.page.tab_history")]
)
with upload_tab:
    localise_file_uploader("unggah_file", ["csv", "xlsx", "txt", "tsv"])
    render_upload(principal.username)
with template_tab:
    render_templates()
with history_tab:
    render_history(principal.username, can_undo(principal))
