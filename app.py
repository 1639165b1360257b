"""Telaah's entry point: page config, sign-in gate, navigation by role, and the shared sidebar."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib.ui.auth import allowed_scope, render_account_box, require_principal
from lib.ui.data import database_is_empty
from lib.ui.i18n import t
from lib.ui.nav import pages_for
from lib.ui.sidebar import language_switch, render_sidebar

HERE = Path(__file__).parent

st.set_page_config(page_title="Telaah", page_icon=str(HERE / "data" / "favicon.svg"), layout="wide")
st.logo(str(HERE / "data" / "logo.svg"), size="large")
language_switch()  # before the gate, so the sign-in screen can be read in English too
principal = require_principal()
empty = database_is_empty()
sections = pages_for(principal, empty)
current = st.navigation(
    {
        t(section): [
            st.Page(
                HERE / "views" / p.file,
                title=t(p.title_key),
                icon=p.icon,
                url_path=p.url_path,
                default=p.default,
            )
            for p in entries
        ]
        for section, entries in sections.items()
    }
)
render_account_box(principal)
# (Streamlit names the default page's path "")
uses_filters = {
    ("" if p.default else p.url_path): p.filters for entries in sections.values() for p in entries
}
page_paths = {("" if p.default else p.url_path): p.url_path for entries in sections.values() for p in entries}
# Filters only where they change something (not on upload, status, methods or admin pages).
if not empty and uses_filters.get(current.url_path, True):
    render_sidebar(allowed_scope(principal), page=page_paths.get(current.url_path))
current.run()
