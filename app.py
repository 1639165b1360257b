"""Telaah's entry point: page config, sign-in gate, navigation by role, and the shared sidebar."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib.auth.roles import Principal, Role, can_import, can_manage_users, can_read_audit, sees_whole_city
from lib.queries.inventory import is_empty
from lib.ui.auth import allowed_scope, render_account_box, require_principal
from lib.ui.data import engine
from lib.ui.i18n import t
from lib.ui.sidebar import language_switch, render_sidebar

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="Telaah", page_icon=":material/insights:", layout="wide")


def page(file: str, title_key: str, icon: str, url_path: str, default: bool = False) -> st.Page:
    return st.Page(PAGES / file, title=t(title_key), icon=icon, url_path=url_path, default=default)


def navigation(principal: Principal, empty: bool) -> dict[str, list[st.Page]]:
    """The pages this role may open. Every page checks the role again itself."""
    upload = (
        [page("unggah.py", "nav.unggah", ":material/upload_file:", "unggah")] if can_import(principal) else []
    )
    admin = []
    if can_manage_users(principal):
        admin.append(page("pengguna.py", "nav.pengguna", ":material/group:", "pengguna"))
    if can_read_audit(principal):
        admin.append(page("audit.py", "nav.audit", ":material/policy:", "audit"))
    if empty or principal.role is Role.ADMIN:
        start = [page("mulai.py", "empty.title", ":material/rocket_launch:", "mulai", True)] if empty else []
        status = (
            [] if empty else [page("status_data.py", "nav.status", ":material/database:", "status", True)]
        )
        sections = {
            t("nav.section.overview"): start,
            t("nav.section.data"): upload + status,
            t("nav.section.admin"): admin,
        }
    else:
        sections = {
            t("nav.section.overview"): [
                page("ringkasan.py", "nav.ringkasan", ":material/dashboard:", "ringkasan", True),
                page("kepuasan.py", "nav.kepuasan", ":material/sentiment_satisfied:", "kepuasan"),
                page("pengaduan.py", "nav.pengaduan", ":material/campaign:", "pengaduan"),
            ],
            t("nav.section.analysis"): [
                page("dampak_pelatihan.py", "nav.dampak", ":material/school:", "dampak"),
                page("prioritas.py", "nav.prioritas", ":material/priority_high:", "prioritas"),
            ],
            t("nav.section.data"): [
                *upload,
                *(
                    [page("status_data.py", "nav.status", ":material/database:", "status")]
                    if sees_whole_city(principal)
                    else []
                ),
            ],
            t("nav.section.admin"): admin,
        }
    return {name: pages for name, pages in sections.items() if pages}


st.logo(str(Path(__file__).parent / "data" / "logo.svg"), size="large")
language_switch()  # before the gate, so the sign-in screen can be read in English too
principal = require_principal()
empty = is_empty(engine())
current = st.navigation(navigation(principal, empty))
render_account_box(principal)
if not empty:
    render_sidebar(allowed_scope(principal))
current.run()
