"""Kepuasan Masyarakat: the IKM of the city and its units, what drags a unit down, and the SKM report."""

from __future__ import annotations

import streamlit as st

from lib.ui import ikm as ui
from lib.ui.i18n import t
from lib.ui.page import page_context
from lib.ui.sidebar import scoped_title

ctx = page_context()
st.title(scoped_title(t("ikm.page.title")))
date_from, date_to = ui.window_section(ctx)
w = ui.options_section(date_from, date_to)
units = ui.units_ikm(ctx.engine, ctx.query_scope, w.date_from, w.date_to, w.weight, w.rollup)
change = ui.scope_change(ctx.engine, ctx.query_scope, w.date_from, w.date_to, w.weight)
if units.empty or change.ikm_2dp is None:
    st.info(t("ikm.page.empty"))
    st.stop()

place, weight_text = ui.headline_section(ctx, w, units, change)
ui.views_section(ctx, w, units, place, weight_text)
