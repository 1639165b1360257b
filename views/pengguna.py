"""Pengguna (admin): the accounts that can sign in, adding one, disabling, unlocking, new passwords."""

import pandas as pd
import streamlit as st

from lib.auth.roles import ROLES, can_manage_users
from lib.auth.users import AccountError, create_user, list_users, set_active, set_password, unlock_user
from lib.services.data import units as list_units
from lib.ui.auth import require_permission, role_label
from lib.ui.data import engine
from lib.ui.i18n import t
from lib.ui.results import local_time

admin = require_permission(can_manage_users)
st.title(t("auth.users.title"))
st.caption(t("auth.users.caption"))

users = list_users(engine())
if users:
    st.dataframe(
        pd.DataFrame(
            {
                t("auth.users.col.username"): [u.username for u in users],
                t("auth.users.col.full_name"): [u.full_name or "" for u in users],
                t("auth.users.col.role"): [role_label(u.role) for u in users],
                t("auth.users.col.unit"): [u.unit_code or "" for u in users],
                t("auth.users.col.email"): [u.email or "" for u in users],
                t("auth.users.col.active"): [u.active for u in users],
                t("auth.users.col.password"): [u.has_password for u in users],
                t("auth.users.col.failed"): [u.failed_attempts for u in users],
                t("auth.users.col.locked_until"): [local_time(u.locked_until) for u in users],
                t("auth.users.col.last_login"): [local_time(u.last_login_at) for u in users],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info(t("auth.users.empty"))

units = list_units(engine=engine())
unit_names = dict(zip(units["code"], units["name"], strict=True))

with st.expander(t("auth.users.add"), expanded=not users), st.form("telaah_user_add", clear_on_submit=True):
    username = st.text_input(t("auth.users.col.username"), max_chars=80)
    full_name = st.text_input(t("auth.users.col.full_name"), max_chars=200)
    role = st.selectbox(t("auth.users.col.role"), ROLES, format_func=role_label)
    unit = st.selectbox(
        t("auth.users.col.unit"),
        ["", *unit_names],
        format_func=lambda c: t("auth.users.no_unit") if c == "" else f"{unit_names[c]} ({c})",
        help=t("auth.users.unit_help"),
    )
    email = st.text_input(t("auth.users.col.email"), max_chars=200)
    password = st.text_input(t("auth.password"), type="password", help=t("auth.users.password_help"))
    confirm = st.text_input(t("auth.users.password_confirm"), type="password")
    if st.form_submit_button(t("auth.users.save"), type="primary"):
        if password != confirm:
            st.error(t("auth.users.password_mismatch"))
        else:
            try:
                added = create_user(
                    engine(),
                    username=username,
                    role=role,
                    password=password or None,
                    unit_code=unit or None,
                    full_name=full_name,
                    email=email,
                    actor=admin.username,
                )
                st.success(t("auth.users.added", username=added.username))
            except AccountError as exc:
                st.error(t("auth.users.error", message=str(exc)))

if users:
    st.subheader(t("auth.users.manage"))
    chosen = st.selectbox(t("auth.users.pick"), [u.username for u in users], key="telaah_user_pick")
    account = next(u for u in users if u.username == chosen)
    left, middle, right = st.columns(3)
    try:
        if account.active and left.button(t("auth.users.disable"), icon=":material/block:"):
            if account.username == admin.username:
                st.error(t("auth.users.not_self"))
            else:
                set_active(engine(), account.username, False, actor=admin.username)
                st.rerun()
        if not account.active and left.button(t("auth.users.enable"), icon=":material/check_circle:"):
            set_active(engine(), account.username, True, actor=admin.username)
            st.rerun()
        if middle.button(t("auth.users.unlock"), icon=":material/lock_open:"):
            unlock_user(engine(), account.username, actor=admin.username)
            st.rerun()
        with right.popover(t("auth.users.set_password"), icon=":material/key:"), st.form("telaah_user_pw"):
            new_password = st.text_input(t("auth.users.new_password"), type="password")
            new_confirm = st.text_input(t("auth.users.password_confirm"), type="password")
            if st.form_submit_button(t("auth.users.save")):
                if new_password != new_confirm:
                    st.error(t("auth.users.password_mismatch"))
                else:
                    set_password(engine(), account.username, new_password, actor=admin.username)
                    st.success(t("auth.users.done", username=account.username))
    except AccountError as exc:
        st.error(t("auth.users.error", message=str(exc)))
