"""Status Data: how much of each kind of data is stored, and for which dates."""

import streamlit as st

from lib.auth.roles import can_manage_users, sees_whole_city
from lib.services.data import inventory as data_inventory
from lib.ui.auth import require_permission
from lib.ui.data import engine
from lib.ui.i18n import day, num, t

# City-wide counts: not for a unit manager, whose view is their own subtree.
principal = require_permission(sees_whole_city)

st.title(t("status.title"))
st.caption(t("status.caption"))
inventory = data_inventory(engine=engine())
st.dataframe(
    {
        t("status.kind"): [t(f"kind.{k}") for k in inventory["kind"]],
        t("status.rows"): [num(v, 0) for v in inventory["rows"]],
        t("status.first"): [day(d) if d is not None else "–" for d in inventory["first_date"]],
        t("status.last"): [day(d) if d is not None else "–" for d in inventory["last_date"]],
    },
    hide_index=True,
    width="stretch",
)
st.caption(t("status.database", kind=engine().dialect.name))
if can_manage_users(principal):
    from lib.ui.holidays import holiday_editor

    holiday_editor(principal.username)
