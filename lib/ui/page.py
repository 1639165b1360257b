"""The one opening of every data page: gate, filters, scope, language and the engine.

A page starts with ``ctx = page_context()`` and then only reads widgets, calls
``lib.ui.<feature>`` section functions and draws; it never reaches for the
session state, the database URL or ``lib.queries`` itself. Keeping the opening
in one place means a new gate rule or a new filter reaches every page at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from lib.auth.roles import Principal
from lib.queries.units import Scope
from lib.ui.auth import current_scope, require_permission, require_principal
from lib.ui.data import engine
from lib.ui.state import Filters, get_filters, get_lang


@dataclass(frozen=True)
class PageContext:
    """What a page run works with: who, for which period and units, in which language, on which database."""

    principal: Principal
    filters: Filters
    #: the scope this run's queries must use: the sidebar's, constrained to the principal
    #: (:func:`lib.ui.auth.current_scope`); never ``filters.scope``, which skips that check
    query_scope: Scope
    lang: str
    engine: Engine


def page_context(permission: Callable[[Principal], bool] | None = None) -> PageContext:
    """Gate the page (sign-in, and ``permission`` when given), then read the filters and scope.

    The engine is taken (and the schema migrated) before the first query, so no page
    needs a line of its own for that.
    """
    principal = require_permission(permission) if permission is not None else require_principal()
    filters, scope, lang = get_filters(), current_scope(), get_lang()
    return PageContext(principal=principal, filters=filters, query_scope=scope, lang=lang, engine=engine())
