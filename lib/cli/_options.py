"""What several commands parse the same way: ISO dates and a unit code naming a subtree."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from lib.cli import UserError
from lib.i18n import translate
from lib.queries.units import CITY, Scope, list_units


def parse_date(value: str | None, lang: str = "id") -> date | None:
    """``YYYY-MM-DD`` → date (None stays None); anything else is a :class:`UserError`."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(translate("cli.bad_date", lang, value=value)) from exc


def unit_scope(engine: Engine, code: str | None, lang: str = "id") -> Scope:
    """The subtree of the unit with ``code`` (case-insensitive); the whole city when no code is given."""
    if not code:
        return CITY
    units = list_units(engine)
    match = units[units["code"].str.upper() == code.strip().upper()]
    if match.empty:
        raise UserError(translate("cli.unknown_unit", lang, code=code))
    return Scope(path_prefix=str(match.iloc[0]["path"]))
