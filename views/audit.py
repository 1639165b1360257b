"""Log Audit (admin): sign-ins, failed sign-ins, imports, undos, exports and account changes."""

import streamlit as st

from lib.auth.audit import Action, read_audit
from lib.auth.roles import can_read_audit
from lib.ui.audit import audit_frame
from lib.ui.auth import require_permission
from lib.ui.data import engine
from lib.ui.i18n import num, t
from lib.ui.state import get_lang

require_permission(can_read_audit)
st.title(t("auth.audit.title"))
st.caption(t("auth.audit.caption"))

left, middle, right = st.columns([3, 2, 1])
actions = left.multiselect(
    t("auth.audit.actions"), [a.value for a in Action], format_func=lambda a: t(f"auth.action.{a}")
)
username = middle.text_input(t("auth.audit.user"), max_chars=200).strip()
limit = right.number_input(t("auth.audit.limit"), min_value=10, max_value=5000, value=200, step=50)

log = read_audit(engine(), limit=int(limit), actions=actions or None, username=username or None)
if log.empty:
    st.info(t("auth.audit.empty"))
else:
    st.caption(t("auth.audit.count", n=num(len(log), 0)))
    st.dataframe(audit_frame(log, get_lang()), hide_index=True, width="stretch")
