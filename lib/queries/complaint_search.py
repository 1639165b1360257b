"""Free-text search in complaint texts, within the viewer's scope and period, done in the database.

The match is a portable case-insensitive ``LIKE`` (``lower(text) LIKE lower(:needle)``, the
same on SQLite and PostgreSQL) with the reader's ``%``, ``_`` and the escape character
escaped, so "100%" finds "100%" and "a_b" finds "a_b", never any character.

Complaint texts hold citizens' phone numbers, NIK and e-mail addresses, shown only masked
(:mod:`lib.masking`). A search must not become a way round the mask: asked for a phone
number, the database would find the complaint that contains it, and the reader would learn
who wrote it. So :func:`search_complaints` masks every text it found and keeps only those
whose *masked* text still contains the words searched for: the reader finds what they can read.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, select

from lib.masking import mask_personal_data_series
from lib.models import Complaint, Unit
from lib.queries.units import CITY, Scope

COMPLAINT = Complaint.__table__
UNIT = Unit.__table__
#: Longest search text taken (a pasted paragraph is cut, not refused).
MAX_NEEDLE = 100
#: Most complaints one search returns, newest first.
DEFAULT_LIMIT = 200


def clean_needle(text: str | None) -> str:
    """The words to look for: trimmed, inner whitespace collapsed, at most :data:`MAX_NEEDLE` characters."""
    return " ".join(str(text or "").split())[:MAX_NEEDLE]


def matching_complaints(
    engine: Engine,
    needle: str,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
) -> pd.DataFrame:
    """Complaints whose text contains ``needle`` (any case), newest first, **unmasked**.

    Columns: ``id``, ``number``, ``complaint_date``, ``unit_code``, ``unit_name``, ``channel``,
    ``status``, ``text``. Only for :func:`search_complaints` and tests: never shown as it is.
    An empty needle finds nothing (a search box left empty lists no complaints).
    """
    needle = clean_needle(needle)
    columns = ["id", "number", "complaint_date", "unit_code", "unit_name", "channel", "status", "text"]
    if not needle:
        return pd.DataFrame(columns=columns)
    c = COMPLAINT
    query = (
        select(
            c.c.id,
            c.c.number,
            c.c.complaint_date,
            UNIT.c.code.label("unit_code"),
            UNIT.c.name.label("unit_name"),
            c.c.channel,
            c.c.status,
            c.c.text,
        )
        .select_from(c.join(UNIT, UNIT.c.id == c.c.unit_id))
        .where(*scope.where(UNIT), c.c.text.icontains(needle, autoescape=True))
        .order_by(c.c.complaint_date.desc(), c.c.id.desc())
        .limit(max(int(limit), 1))
    )
    if date_from is not None:
        query = query.where(c.c.complaint_date >= date_from)
    if date_to is not None:
        query = query.where(c.c.complaint_date <= date_to)
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame["complaint_date"] = pd.to_datetime(frame["complaint_date"]).dt.date
    return frame[columns]


def search_complaints(
    engine: Engine,
    needle: str,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
) -> pd.DataFrame:
    """Complaints whose **masked** text contains ``needle``, newest first, texts masked.

    The database finds candidates (at most ``limit``); a candidate that matched only inside
    personal data (a phone number, NIK, e-mail) is dropped, so it may return fewer rows than
    the database matched.
    """
    found = matching_complaints(engine, needle, scope, date_from, date_to, limit=limit)
    if found.empty:
        return found
    found["text"] = mask_personal_data_series(found["text"])
    visible = found["text"].str.casefold().str.contains(clean_needle(needle).casefold(), regex=False)
    return found[visible].reset_index(drop=True)
