"""Pengaduan: which units' complaints grow, about what (in citizens' own words), and how fast they are answered."""

from __future__ import annotations

import streamlit as st

from lib.ui import complaints as ui
from lib.ui.i18n import t
from lib.ui.page import page_context
from lib.ui.sidebar import scoped_title

ctx = page_context()
st.title(scoped_title(t("complaints.title")))
st.caption(t("complaints.caption"))
view = ui.overview_section(ctx)
theme_state = ui.theme_status()
if view.ov.empty:
    st.info(t("complaints.empty"))
    st.stop()

ui.headline_section(view.ov, ctx.lang)
ui.spikes_section(view.ov, ctx.lang)
events = ui.charts_section(view.ov, theme_state, ctx.lang)
events["table"] = ui.table_section(view.ov, ctx.lang)
ui.drilldown_section(ctx, view, events)
ui.search_section(ctx, view)
ui.theme_model_section(ctx, theme_state)
