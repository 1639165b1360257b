"""A minimal page behind the sign-in gate, run by the AppTests of ``lib.ui.auth``.

It does what app.py and every page are asked to do: get the principal, draw the
account box, and query only within ``current_scope()``.
"""

import streamlit as st

from lib.ui.auth import current_scope, render_account_box, require_principal

principal = require_principal()
render_account_box(principal)
st.header("protected content")
st.text(f"role={principal.role.value}")
st.text(f"scope={current_scope().path_prefix}")
