"""Who is signed in and what their role lets them do.

A :class:`Principal` is the only thing pages, exports and the data layer need to
know about the person at the keyboard. It is built from an ``AppUser`` row (local
or OpenID Connect sign-in) or, in the labelled demo mode, from the role the
visitor picked. Permission predicates live here so that the navigation, the
pages and the tests ask the same question in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """The four roles of the issue; the values are what ``AppUser.role`` stores."""

    #: leadership: all units, read-only, aggregated figures without names or NIPs
    PIMPINAN = "pimpinan"
    #: BKPSDM evaluators: all units, may import and undo imports
    EVALUATOR = "evaluator"
    #: a public-service manager: their unit and its sub-units only
    MANAGER = "manager"
    #: administrators: user accounts and the audit log
    ADMIN = "admin"


ROLES: tuple[str, ...] = tuple(r.value for r in Role)


def parse_role(value: str) -> Role:
    """``Role`` from user input (any case); ``ValueError`` naming the valid roles otherwise."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise ValueError(f"unknown role {value!r}; choose one of {', '.join(ROLES)}") from None


@dataclass(frozen=True)
class Principal:
    """The signed-in person as the rest of the code sees them.

    ``unit_path`` is the materialised path of a manager's unit (``/KEC-X/KEL-Y/``);
    it is what scoping is computed from, so a manager without one can see nothing.
    ``method`` is ``local``, ``oidc`` or ``demo``; ``user_id`` is None in demo mode.
    """

    username: str
    role: Role
    unit_id: int | None = None
    unit_path: str | None = None
    unit_code: str | None = None
    full_name: str | None = None
    user_id: int | None = None
    method: str = "local"

    @property
    def is_demo(self) -> bool:
        return self.method == "demo"

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


def can_import(principal: Principal) -> bool:
    """Only evaluators load data; leadership is read-only and admins manage people, not data."""
    return principal.role is Role.EVALUATOR


def can_undo(principal: Principal) -> bool:
    return principal.role is Role.EVALUATOR


def can_see_names(principal: Principal) -> bool:
    """Whether names and NIPs may be shown (UU 27/2022: only to roles that need them).

    Managers see names only inside their own subtree, which the data scope already
    guarantees; leadership sees aggregated figures only.
    """
    return principal.role in (Role.EVALUATOR, Role.ADMIN, Role.MANAGER)


def can_manage_users(principal: Principal) -> bool:
    return principal.role is Role.ADMIN and not principal.is_demo


def can_read_audit(principal: Principal) -> bool:
    return principal.role is Role.ADMIN and not principal.is_demo


def can_clear_caches(principal: Principal | None) -> bool:
    """Emptying the server's caches slows every user's next pages: admins only (never in demo mode)."""
    return principal is not None and principal.role is Role.ADMIN and not principal.is_demo


def sees_whole_city(principal: Principal) -> bool:
    """Every role except the unit manager may choose any unit or wilayah."""
    return principal.role is not Role.MANAGER
