"""Sign-in, roles, data scoping, personal-data rules and the audit log.

Nothing here imports Streamlit: the sign-in gate in ``lib/ui/auth.py``, the CLI
and the tests all call these modules. The rules an auditor will look for are in
one place each: ``roles`` (what a role may do), ``scope`` (which units a role's
queries may cover), ``privacy`` (names, NIPs and free text), ``users`` (accounts,
passwords and lockout), ``audit`` (who did what).
"""

from lib.auth.roles import (
    Principal,
    Role,
    can_import,
    can_manage_users,
    can_read_audit,
    can_see_names,
    can_undo,
)
from lib.auth.scope import ScopeViolation, effective_scope, scope_for_unit, scoped_unit_ids

__all__ = [
    "Principal",
    "Role",
    "ScopeViolation",
    "can_import",
    "can_manage_users",
    "can_read_audit",
    "can_see_names",
    "can_undo",
    "effective_scope",
    "scope_for_unit",
    "scoped_unit_ids",
]
