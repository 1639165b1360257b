"""Guards on what a browser may ask of the Streamlit server itself, outside any page.

Streamlit's websocket accepts a ``clear_cache`` message from any connected
client, signed in or not, and empties ``st.cache_data``/``st.cache_resource``
for every user (``AppSession._handle_clear_cache_request`` in Streamlit 1.67).
One such message a second moved a user's p95 from 1.15 s to 6.18 s. Streamlit
has no setting to turn it off, so :func:`install_server_guards` wraps that
handler: the session's own signed-in principal must be an admin
(:func:`lib.auth.roles.can_clear_caches`); otherwise the request is dropped
and written to the audit log (at most once a minute per session, so a flood of
messages cannot flood the log).

The wrapper is installed on the class, once per process, by the first script
run (from :func:`lib.ui.auth.require_principal`, which every page calls).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from lib.auth.audit import Action, record
from lib.auth.roles import Principal, can_clear_caches

_LOGGER = logging.getLogger(__name__)
_MARK = "_telaah_guarded"
_AUDIT_EVERY_SECONDS = 60.0
_last_audit: dict[int, float] = {}


def _principal_of(session_state: Any) -> Principal | None:
    from lib.ui.auth import PRINCIPAL_KEY

    try:
        if PRINCIPAL_KEY in session_state:
            principal = session_state[PRINCIPAL_KEY]
            return principal if isinstance(principal, Principal) else None
    except Exception:  # noqa: BLE001 - a half-built session state is a session with no principal
        return None
    return None


def _refuse(session: Any, principal: Principal | None) -> None:
    now = time.monotonic()
    key = id(session)
    if now - _last_audit.get(key, float("-inf")) < _AUDIT_EVERY_SECONDS:
        return
    _last_audit[key] = now
    try:
        from lib.ui.data import engine

        record(
            engine(),
            Action.ACCESS_DENIED,
            username=principal.username if principal else None,
            detail={"request": "clear_cache", "role": principal.role.value if principal else None},
        )
    except Exception:  # noqa: BLE001 - refusing matters more than logging the refusal
        _LOGGER.warning("clear_cache refused; the audit entry could not be written", exc_info=True)


def install_server_guards() -> None:
    """Wrap Streamlit's clear-cache handler (idempotent; cheap to call on every run)."""
    from streamlit.runtime.app_session import AppSession

    handler = AppSession._handle_clear_cache_request
    if getattr(handler, _MARK, False):
        return

    def guarded_clear_cache(self: AppSession) -> None:
        principal = _principal_of(self._session_state)
        if can_clear_caches(principal):
            handler(self)
            return
        _refuse(self, principal)

    setattr(guarded_clear_cache, _MARK, True)
    AppSession._handle_clear_cache_request = guarded_clear_cache  # type: ignore[method-assign]
