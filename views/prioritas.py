"""Prioritas Pelatihan: which units need training most, why, what training, and for whom.

Scores come from the whole city (lib.ui.priorities) and are cut to the viewer's
scope there, so a manager sees the same score and city rank as leadership.
"""

import streamlit as st

from lib.ui import priorities as ui
from lib.ui.i18n import t
from lib.ui.page import page_context

ctx = page_context()
st.title(t("priority.title"))
st.caption(t("priority.caption"))
view = ui.scored_section(ctx)
ui.ranking_section(ctx, view)
ui.short_section(view, ctx.lang)
row = ui.profile_section(view, ctx.lang)
ui.reasons_section(ctx, view, row)
ui.history_and_staff_section(ctx, row)
ui.model_section(view.result)
ui.export_section(ctx, view)
