"""Dampak Pelatihan: did the training work? Kirkpatrick's four levels as a chain of evidence."""

from __future__ import annotations

import streamlit as st

from lib.ui import impact as ui
from lib.ui.i18n import t
from lib.ui.page import page_context
from lib.ui.sidebar import scoped_title

ctx = page_context()
st.title(scoped_title(t("impact.title")))
choice = ui.choice_section(ctx)
impact = ui.impact_of(ctx, choice)
ui.chain_section(impact, ctx.lang)
ui.details_section(ctx, choice, impact)
ui.table_section(ctx, choice)
ui.limits_section()
