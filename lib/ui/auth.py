"""The sign-in gate and the account box: who is at the keyboard, for app.py and every page.

``require_principal()`` returns the signed-in :class:`~lib.auth.roles.Principal` or
draws the sign-in screen and stops the run. Which screen depends on the deployment:

* ``[auth]`` in ``.streamlit/secrets.toml``: OpenID Connect through ``st.login``;
  the identity is matched to an account by e-mail;
* otherwise local accounts (``python -m lib user add``), with lockout and slow-down;
* ``TELAAH_DEMO_MODE=1`` (or ``demo_mode = true`` under ``[telaah]`` in the
  secrets): no sign-in, a visible banner and a role picker. Off unless asked for.

Every page calls ``require_principal()`` (or ``require_permission``) itself, not
only app.py: a page must never be reachable without the gate, even when Streamlit
runs it directly. ``current_scope()`` is the scope every unit-level query must use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

import streamlit as st
from sqlalchemy import select

from lib.auth.audit import Action, record, utc_now
from lib.auth.oidc import principal_from_identity
from lib.auth.roles import Principal, Role
from lib.auth.scope import ScopeViolation, effective_scope
from lib.auth.users import authenticate, has_accounts, principal_for_user_id
from lib.models import Unit
from lib.queries.units import Scope, list_units
from lib.ui.data import engine
from lib.ui.hardening import install_server_guards
from lib.ui.i18n import t
from lib.ui.state import get_filters, get_lang

PRINCIPAL_KEY = "telaah_principal"
SIGNED_IN_AT_KEY = "telaah_signed_in_at"
NOTICE_KEY = "telaah_auth_notice"
OIDC_REFUSED_KEY = "telaah_oidc_refused"
DEMO_ROLE_KEY = "telaah_demo_role"
DEMO_UNIT_KEY = "telaah_demo_unit"

#: Roles offered in demo mode. Never admin: a demo must not be able to create accounts.
DEMO_ROLES: tuple[Role, ...] = (Role.PIMPINAN, Role.EVALUATOR, Role.MANAGER)
_TRUE = {"1", "true", "yes", "on"}


def _secrets() -> Mapping[str, Any]:
    """``st.secrets`` as a mapping, or empty when the deployment has no secrets file."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all, or an unreadable one
        return {}


def demo_mode_requested() -> bool:
    """Demo mode only when explicitly asked for, by the environment or the secrets file."""
    if os.environ.get("TELAAH_DEMO_MODE", "").strip().lower() in _TRUE:
        return True
    flag = _secrets().get("telaah", {}).get("demo_mode", False)
    return flag is True or str(flag).strip().lower() in _TRUE


def oidc_providers() -> list[str | None]:
    """Configured OIDC providers: ``[None]`` for a single ``[auth]`` provider, names for
    ``[auth.NAME]`` sections, ``[]`` when ``[auth]`` is absent (local accounts)."""
    section = _secrets().get("auth")
    if not isinstance(section, Mapping) or not section:
        return []
    named = [name for name, value in section.items() if isinstance(value, Mapping)]
    return [None] if "client_id" in section or not named else named


def auth_mode() -> str:
    """``demo``, ``oidc`` or ``local``."""
    if demo_mode_requested():
        return "demo"
    return "oidc" if oidc_providers() else "local"


def session_lifetime() -> timedelta:
    """How long a sign-in lasts in one browser session (env ``TELAAH_SESSION_HOURS``, default 12)."""
    try:
        hours = float(os.environ.get("TELAAH_SESSION_HOURS", "12"))
    except ValueError:
        hours = 12.0
    return timedelta(hours=max(hours, 0.05))


def _client_ip() -> str | None:
    """The browser's address as Streamlit sees it (a reverse proxy's, behind one), for the audit log."""
    try:
        address = st.context.ip_address
    except Exception:
        return None
    return address if isinstance(address, str) else None


def _store(principal: Principal) -> None:
    st.session_state[PRINCIPAL_KEY] = principal
    st.session_state[SIGNED_IN_AT_KEY] = utc_now()
    st.session_state.pop(OIDC_REFUSED_KEY, None)


def _forget(notice: str | None = None) -> None:
    for key in (PRINCIPAL_KEY, SIGNED_IN_AT_KEY):
        st.session_state.pop(key, None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def _signed_in_principal(mode: str) -> Principal | None:
    """The stored principal, re-read from the database so that a disabled account or a
    changed role takes effect at once; None (and forgotten) when no longer valid."""
    principal: Principal | None = st.session_state.get(PRINCIPAL_KEY)
    if principal is None:
        return None
    signed_in_at = st.session_state.get(SIGNED_IN_AT_KEY)
    expired = signed_in_at is None or utc_now() - signed_in_at > session_lifetime()
    wrong_mode = principal.method != mode or principal.user_id is None
    if mode == "oidc" and not st.user.is_logged_in:
        wrong_mode = True
    if expired or wrong_mode:
        _forget(t("auth.session_ended"))
        return None
    current = principal_for_user_id(engine(), principal.user_id, principal.method)
    if current is None:
        _forget(t("auth.session_ended"))
        return None
    if current != principal:
        st.session_state[PRINCIPAL_KEY] = current
    return current


def _demo_principal() -> Principal:
    """The principal of demo mode: the role (and for managers the unit) picked in the sidebar."""
    default_role = os.environ.get("TELAAH_DEMO_ROLE", Role.PIMPINAN.value)
    raw_role = st.session_state.get(DEMO_ROLE_KEY, default_role)
    role = Role(raw_role) if raw_role in {r.value for r in DEMO_ROLES} else Role.PIMPINAN
    if role is not Role.MANAGER:
        return Principal(username="demo", role=role, method="demo")
    u = Unit.__table__
    code = st.session_state.get(DEMO_UNIT_KEY)
    query = select(u.c.id, u.c.code, u.c.path)
    query = query.where(u.c.code == code) if code else query.order_by(u.c.path).limit(1)
    with engine().connect() as conn:
        row = conn.execute(query).first()
    if row is None:  # no units yet: a manager would see nothing and could not switch back
        return Principal(username="demo", role=Role.PIMPINAN, method="demo")
    return Principal(
        username="demo", role=role, unit_id=row.id, unit_path=row.path, unit_code=row.code, method="demo"
    )


def _local_sign_in() -> None:
    if not has_accounts(engine()):
        st.info(t("auth.no_accounts"), icon=":material/person_add:")
        st.code("python -m lib user add admin --role admin", language="bash")
    with st.form("telaah_login", clear_on_submit=True):
        username = st.text_input(t("auth.username"), max_chars=80, autocomplete="username")
        password = st.text_input(
            t("auth.password"), type="password", max_chars=1024, autocomplete="current-password"
        )
        submitted = st.form_submit_button(t("auth.sign_in"), type="primary")
    if submitted:
        result = authenticate(engine(), username, password, client_ip=_client_ip())
        if result.ok and result.principal is not None:
            _store(result.principal)
            st.rerun()
        st.error(t("auth.failed"), icon=":material/lock:")


def _oidc_sign_in(providers: list[str | None]) -> None:
    if not st.user.is_logged_in:
        st.write(t("auth.oidc_intro"))
        for provider in providers:
            label = (
                t("auth.oidc_button")
                if provider is None
                else t("auth.oidc_button_provider", provider=provider)
            )
            if st.button(label, type="primary", key=f"telaah_login_{provider or 'default'}"):
                st.login(provider)
        return
    identity = st.user.to_dict()
    email = str(identity.get("email") or "")
    if st.session_state.get(OIDC_REFUSED_KEY) != email:
        result = principal_from_identity(engine(), identity, client_ip=_client_ip())
        if result.ok and result.principal is not None:
            _store(result.principal)
            st.rerun()
        st.session_state[OIDC_REFUSED_KEY] = email
    st.error(t("auth.oidc_no_account"), icon=":material/lock:")
    st.text(email)
    if st.button(t("auth.sign_out"), key="telaah_oidc_refused_logout"):
        st.session_state.pop(OIDC_REFUSED_KEY, None)
        st.logout()


def require_principal() -> Principal:
    """The signed-in principal; otherwise draw the sign-in screen and stop this run.

    Safe to call several times in one run (app.py, then the page): once signed in
    it draws nothing. Costs one small query per call to re-check the account.
    Installs the server-side request guards first (:mod:`lib.ui.hardening`).
    """
    install_server_guards()
    mode = auth_mode()
    principal = _demo_principal() if mode == "demo" else _signed_in_principal(mode)
    if principal is not None:
        if principal.role is Role.MANAGER and not principal.unit_path:
            st.error(t("auth.no_unit"), icon=":material/block:")
            st.stop()
        return principal
    st.title(t("auth.title"))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(notice)
    if mode == "oidc":
        _oidc_sign_in(oidc_providers())
    else:
        st.caption(t("auth.intro"))
        _local_sign_in()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises; this keeps type checkers honest


def require_permission(predicate: Callable[[Principal], bool]) -> Principal:
    """The principal if ``predicate`` allows them this page; otherwise an error, an audit entry, and stop."""
    principal = require_principal()
    if predicate(principal):
        return principal
    record(
        engine(),
        Action.ACCESS_DENIED,
        username=principal.username,
        detail={"need": getattr(predicate, "__name__", str(predicate)), "role": principal.role.value},
    )
    st.error(t("auth.denied"), icon=":material/block:")
    st.stop()
    raise AssertionError("unreachable")


def current_scope(requested: Scope | None = None) -> Scope:
    """The scope this run's queries must use: the sidebar's (or ``requested``), constrained
    to the principal. A request outside a manager's subtree is refused, logged and stops the page.
    """
    principal = require_principal()
    wanted = get_filters().scope if requested is None else requested
    try:
        return effective_scope(principal, wanted)
    except ScopeViolation as exc:
        record(engine(), Action.ACCESS_DENIED, username=principal.username, detail={"scope": str(exc)})
        st.error(t("auth.scope_denied"), icon=":material/block:")
        st.stop()
        raise AssertionError("unreachable") from exc


def allowed_scope(principal: Principal) -> Scope:
    """What the sidebar may offer (its ``allowed`` argument): the principal's whole scope."""
    return effective_scope(principal, Scope())


def audit_event(action: Action | str, **detail: object) -> None:
    """Append an audit entry in the name of the signed-in principal (imports, undos, exports)."""
    principal: Principal | None = st.session_state.get(PRINCIPAL_KEY)
    username = principal.username if principal is not None else ("demo" if auth_mode() == "demo" else None)
    record(engine(), action, username=username, detail=detail or None)


def audited_download_button(
    label: str,
    data: bytes | str | Callable[[], bytes | str],
    *,
    file_name: str,
    mime: str,
    kind: str,
    rows: int,
    key: str | None = None,
    **kwargs: Any,
) -> bool:
    """``st.download_button`` that writes an ``export`` audit entry when clicked: who, which
    export, how many rows and which scope. ``data`` must already have passed
    ``lib.auth.privacy.prepare_for_export`` (names for the role, masked text, no formulas);
    it may be a callable, then the file is built only when the button is clicked.
    """
    scope = current_scope()
    return st.download_button(
        label,
        data,
        file_name=file_name,
        mime=mime,
        key=key,
        on_click=audit_event,
        args=(Action.EXPORT,),
        kwargs={
            "kind": kind,
            "file": file_name,
            "rows": rows,
            "path": scope.path_prefix,
            "region": scope.region,
        },
        **kwargs,
    )


def role_label(role: Role | str) -> str:
    return t(f"auth.role.{Role(role).value}")


def _sign_out(principal: Principal) -> None:
    record(engine(), Action.SIGN_OUT, username=principal.username, detail={"method": principal.method})
    _forget()
    if principal.method == "oidc":
        st.logout()
    else:
        st.rerun()


def _demo_picker(label: str, options: list[str], format_func: Callable[[str], str], name: str) -> None:
    """A sidebar selectbox writing its choice to ``name`` before the rerun (the principal is read
    from there at the top of the next run). Its own key carries the language: Streamlit keeps
    showing a keyed selectbox's old option label after the labels change language."""
    widget = f"{name}__{get_lang()}"
    value = st.session_state.get(name)
    st.sidebar.selectbox(
        label,
        options,
        index=options.index(value) if value in options else 0,
        format_func=format_func,
        key=widget,
        on_change=lambda: st.session_state.__setitem__(name, st.session_state[widget]),
    )


def render_account_box(principal: Principal) -> None:
    """Sidebar block for app.py (once per run): who is signed in and a sign-out button; in demo
    mode the demo banner (main area) and the role picker ("Peran demo") instead.

    The banner is drawn once: a second copy in the sidebar was one more alert for the browser
    to redraw on every filter change, and the sidebar's "Peran demo" picker already says demo."""
    if principal.is_demo:
        st.warning(t("auth.demo_banner"), icon=":material/science:")
        st.session_state.setdefault(DEMO_ROLE_KEY, principal.role.value)
        _demo_picker(t("auth.demo_role"), [r.value for r in DEMO_ROLES], role_label, DEMO_ROLE_KEY)
        if principal.role is Role.MANAGER:
            units = list_units(engine())
            names = dict(zip(units["code"], units["name"], strict=True))
            st.session_state.setdefault(DEMO_UNIT_KEY, principal.unit_code)
            _demo_picker(
                t("auth.demo_unit"),
                list(units["code"]),
                lambda code: f"{names[code]} ({code})",
                DEMO_UNIT_KEY,
            )
        return
    with st.sidebar.container(border=True):
        st.text(t("auth.signed_in_as", name=principal.display_name, role=role_label(principal.role)))
        if principal.unit_code:
            st.text(t("auth.unit", unit=principal.unit_code))
        if st.button(t("auth.sign_out"), key="telaah_sign_out", icon=":material/logout:"):
            _sign_out(principal)
