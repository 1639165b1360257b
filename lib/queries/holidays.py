"""The admin-kept days off (cuti bersama, moved holidays) on top of the national calendar."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, delete, insert, select

from lib.models import Holiday
from lib.workdays import national_holidays, set_admin_holidays

HOLIDAY = Holiday.__table__  # type: ignore[attr-defined]
KINDS = ("cuti_bersama", "libur_nasional")


def list_holidays(engine: Engine, year: int | None = None) -> pd.DataFrame:
    """Admin-recorded days off: ``day``, ``name``, ``kind``, ``created_by`` (sorted by day)."""
    query = select(HOLIDAY.c.day, HOLIDAY.c.name, HOLIDAY.c.kind, HOLIDAY.c.created_by).order_by(
        HOLIDAY.c.day
    )
    if year is not None:
        query = query.where(HOLIDAY.c.day >= date(year, 1, 1), HOLIDAY.c.day <= date(year, 12, 31))
    with engine.connect() as conn:
        return pd.DataFrame(
            conn.execute(query).mappings().all(), columns=["day", "name", "kind", "created_by"]
        )


def year_calendar(engine: Engine, year: int) -> pd.DataFrame:
    """Every day off in ``year``: ``day``, ``name``, ``source`` (``nasional`` from the library, or the admin kind)."""
    import holidays as holiday_library

    names = holiday_library.country_holidays("ID", years=year)
    rows = [{"day": d, "name": names.get(d), "source": "nasional"} for d in sorted(national_holidays(year))]
    admin = list_holidays(engine, year)
    rows += [{"day": r.day, "name": r.name, "source": r.kind} for r in admin.itertuples(index=False)]
    return pd.DataFrame(rows, columns=["day", "name", "source"]).sort_values("day").reset_index(drop=True)


def add_holiday(
    engine: Engine, day: date, name: str, kind: str = "cuti_bersama", by: str | None = None
) -> bool:
    """Record a day off; False when that day is already recorded (nothing changes)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    if not name.strip():
        raise ValueError("name is required")
    with engine.begin() as conn:
        if conn.execute(select(HOLIDAY.c.id).where(HOLIDAY.c.day == day)).first() is not None:
            return False
        conn.execute(
            insert(HOLIDAY).values(
                day=day,
                name=name.strip(),
                kind=kind,
                created_by=by,
                created_at=pd.Timestamp.now(tz="UTC").to_pydatetime(),
            )
        )
    refresh_holiday_calendar(engine)
    return True


def remove_holiday(engine: Engine, day: date) -> bool:
    """Delete an admin-recorded day off; False when there was none that day."""
    with engine.begin() as conn:
        removed = conn.execute(delete(HOLIDAY).where(HOLIDAY.c.day == day)).rowcount
    refresh_holiday_calendar(engine)
    return bool(removed)


def refresh_holiday_calendar(engine: Engine) -> frozenset[date]:
    """Load the admin days into the process-wide working-day calendar; returns them."""
    with engine.connect() as conn:
        days = frozenset(conn.execute(select(HOLIDAY.c.day)).scalars().all())
    set_admin_holidays(days)
    return days
