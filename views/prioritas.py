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
ui.views_section(ctx, view)
ui.export_section(ctx, view)
