"""Onboarding on an empty database: load the demo city or go and upload data."""

import streamlit as st

from lib.ui.data import clear_caches, engine
from lib.ui.i18n import num, t

st.title(t("empty.title"))
st.write(t("empty.body"))
left, right = st.columns(2)
if left.button(t("empty.load_demo"), type="primary", icon=":material/location_city:"):
    from lib.demo import build_demo

    with st.status(t("empty.loading")):
        counts = build_demo(engine())
    clear_caches()
    st.success(t("empty.loaded", rows=num(sum(counts.values()), 0)))
    st.rerun()
if right.button(t("empty.go_upload"), icon=":material/upload_file:"):
    st.switch_page("pages/unggah.py")
