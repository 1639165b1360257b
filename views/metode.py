"""Metode: how every figure in Telaah is computed, in plain words, with its sources.

The other pages state their conclusions first and keep the statistics behind an
expander; this page is where their terms (IK 95%, NRR, d_z, …) are explained once.
"""

import streamlit as st

from lib.ui.auth import require_principal
from lib.ui.i18n import t
from lib.ui.methods import method_sections
from lib.ui.state import get_lang

require_principal()
st.title(t("methods.title"))
st.caption(t("methods.intro"))
sections = method_sections(get_lang())
st.markdown(f"**{t('methods.contents')}:** " + " · ".join(f"[{s.title}](#{s.key})" for s in sections))
for section in sections:
    st.subheader(section.title, anchor=section.key, divider="gray")
    for paragraph in section.paragraphs:
        st.markdown(paragraph)
    if section.sources:
        st.caption(f"**{t('methods.sources')}:** " + " · ".join(section.sources))
