"""Onboarding on an empty database: load the demo city or go and upload data."""

import streamlit as st

from lib.auth.roles import can_import
from lib.ui.auth import audit_event, require_principal
from lib.ui.data import clear_caches, engine
from lib.ui.i18n import num, t

principal = require_principal()
st.title(t("empty.title"))
if not (principal.is_demo or can_import(principal)):
    # Loading data writes to the database: only evaluators (or anyone in demo mode) may.
    st.info(t("empty.ask_evaluator"))
    st.stop()
st.write(t("empty.body"))
left, right = st.columns(2)
if left.button(t("empty.load_demo"), type="primary", icon=":material/location_city:"):
    from lib.demo import build_demo

    with st.status(t("empty.loading")):
        counts = build_demo(engine(), classify=False)  # themes: the background worker
    audit_event("import", kind="demo", rows=sum(counts.values()))
    clear_caches()
    st.success(t("empty.loaded", rows=num(sum(counts.values()), 0)))
    st.rerun()
if right.button(t("empty.go_upload"), icon=":material/upload_file:"):
    st.switch_page("views/unggah.py")
