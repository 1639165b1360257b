"""Small hand-made SKM data for the IKM tests: a few units and responses whose figures are worked out by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Engine, insert

from lib.bulk import bulk_insert
from lib.models import UNSUR, SurveyResponse, Unit
from lib.queries.aggregates import refresh_survey_monthly

RESPONSE_COLUMNS = [
    "unit_id",
    "response_date",
    "service_type",
    "gender",
    "age",
    "education",
    "occupation",
    *UNSUR,
    "suggestion",
]

#: DOMAIN.md's worked example: 29 respondents, totals 105, 101, 100, 116, 102, 105, 106, 105, 115.
WORKED_TOTALS = (105, 101, 100, 116, 102, 105, 106, 105, 115)


def add_units(engine: Engine, rows: Sequence[dict]) -> dict[str, int]:
    """Insert units given as dicts with code, name, kind, parent (code or None), region, population."""
    ids: dict[str, int] = {}
    paths: dict[str, str] = {}
    with engine.begin() as conn:
        for row in rows:
            parent = row.get("parent")
            path = f"{paths[parent] if parent else '/'}{row['code']}/"
            result = conn.execute(
                insert(Unit.__table__).values(
                    code=row["code"],
                    name=row["name"],
                    kind=row.get("kind", "dinas"),
                    parent_id=ids[parent] if parent else None,
                    path=path,
                    region=row.get("region"),
                    service_population=row.get("population"),
                )
            )
            ids[row["code"]] = result.inserted_primary_key[0]
            paths[row["code"]] = path
    return ids


def response(
    unit_id: int,
    day: date,
    answers: Sequence[int | None],
    *,
    service_type: str | None = None,
    gender: str | None = None,
    age: int | None = None,
    education: str | None = None,
    occupation: str | None = None,
    suggestion: str | None = None,
) -> tuple:
    assert len(answers) == 9
    return (unit_id, day, service_type, gender, age, education, occupation, *answers, suggestion)


def add_responses(engine: Engine, rows: Sequence[tuple]) -> None:
    """Insert responses and refresh the monthly aggregate, as an import does."""
    with engine.begin() as conn:
        bulk_insert(conn, SurveyResponse.__table__, RESPONSE_COLUMNS, rows)
        refresh_survey_monthly(conn, {r[0] for r in rows})


def worked_example_answers() -> list[list[int]]:
    """29 answer vectors (1–4) whose column totals are DOMAIN.md's worked example.

    Each unsur's total T over 29 answers is spread as evenly as possible
    (some 3s and some 4s), so every row is a valid questionnaire.
    """
    rows = [[0] * 9 for _ in range(29)]
    for j, total in enumerate(WORKED_TOTALS):
        fours = total - 3 * 29  # answers of 4 needed when the rest are 3
        for i in range(29):
            rows[i][j] = 4 if i < fours else 3
    for j, total in enumerate(WORKED_TOTALS):
        assert sum(r[j] for r in rows) == total
    return rows
