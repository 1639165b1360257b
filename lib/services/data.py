"""What is stored, for the shell and the admin pages: the data inventory, emptiness, the unit list."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from lib.queries.inventory import data_inventory
from lib.queries.inventory import is_empty as _is_empty
from lib.queries.units import CITY, Scope, list_units


def inventory(*, engine: Engine) -> pd.DataFrame:
    """One row per kind of data: ``kind``, ``rows``, ``first_date``, ``last_date``."""
    return data_inventory(engine)


def is_empty(*, engine: Engine) -> bool:
    """True when no unit exists yet (the app then offers the demo and the upload only)."""
    return _is_empty(engine)


def units(*, engine: Engine, scope: Scope = CITY) -> pd.DataFrame:
    """The units in ``scope`` (``id, code, name, kind, path, region, …``)."""
    return list_units(engine, scope)
