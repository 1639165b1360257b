"""A minimal page behind the sign-in gate, run by the AppTests of ``lib.ui.auth``.

It does what app.py and every page are asked to do: get the principal, draw the
account box, and query only within ``current_scope()``.
"""

import streamlit as st

from lib.auth.audit import Action
from lib.ui.auth import (
    audit_event,
    audited_download_button,
    current_scope,
    render_account_box,
    require_principal,
)

principal = require_principal()
render_account_box(principal)
st.header("protected content")
st.text(f"role={principal.role.value}")
st.text(f"scope={current_scope().path_prefix}")

if st.button("catat ekspor"):
    audit_event(Action.EXPORT, kind="ikm_unit", rows=3)
audited_download_button("unduh", b"a,b\n1,2\n", file_name="x.csv", mime="text/csv", kind="test", rows=1)
