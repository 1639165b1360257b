"""Telaah's entry point: page config, sign-in gate, navigation and the shared sidebar."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib.queries.inventory import is_empty
from lib.ui.data import engine
from lib.ui.i18n import t
from lib.ui.sidebar import language_switch, render_sidebar

HERE = Path(__file__).parent
PAGES = HERE / "pages"

st.set_page_config(page_title="Telaah", page_icon=":material/insights:", layout="wide")


def page(file: str, title_key: str, icon: str, url_path: str, default: bool = False) -> st.Page | None:
    path = PAGES / file
    if not path.exists():
        return None
    return st.Page(path, title=t(title_key), icon=icon, url_path=url_path, default=default)


def navigation(empty: bool) -> dict[str, list[st.Page]]:
    if empty:
        sections = {
            t("nav.section.overview"): [
                page("mulai.py", "empty.title", ":material/rocket_launch:", "mulai", True)
            ],
            t("nav.section.data"): [page("unggah.py", "nav.unggah", ":material/upload_file:", "unggah")],
        }
    else:
        has_home = (PAGES / "ringkasan.py").exists()
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
                page("unggah.py", "nav.unggah", ":material/upload_file:", "unggah"),
                page("status_data.py", "nav.status", ":material/database:", "status", not has_home),
            ],
            t("nav.section.admin"): [
                page("pengguna.py", "nav.pengguna", ":material/group:", "pengguna"),
                page("audit.py", "nav.audit", ":material/policy:", "audit"),
            ],
        }
    return {name: [p for p in pages if p is not None] for name, pages in sections.items() if any(pages)}


empty = is_empty(engine())
current = st.navigation(navigation(empty))
st.sidebar.markdown(f"**{t('app.title')}** · {t('app.city')}")
if empty:
    language_switch()
else:
    render_sidebar()
current.run()
