"""Bulk insert, the survey_monthly aggregate, unit scopes and the data inventory, on both databases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select

from lib.bulk import bulk_insert
from lib.models import UNSUR, SurveyMonthly, SurveyResponse, Unit
from lib.queries.aggregates import refresh_survey_monthly
from lib.queries.inventory import data_inventory, is_empty
from lib.queries.units import Scope, list_regions, list_units, unit_path

UNIT_ROWS = [
    # id, code, name, kind, parent_id, path, region
    (1, "KEC-A", "Kecamatan A", "kecamatan", None, "/KEC-A/", "A"),
    (2, "KEL-A1", "Kelurahan A1", "kelurahan", 1, "/KEC-A/KEL-A1/", "A"),
    (3, "KEL-A2", "Kelurahan A2", "kelurahan", 1, "/KEC-A/KEL-A2/", "A"),
    (4, "KEC-B", "Kecamatan B", "kecamatan", None, "/KEC-B/", "B"),
    (5, "KEC-A_X", "Kecamatan A_X", "kecamatan", None, "/KEC-A_X/", "A"),
]


def _load_units(engine: Engine) -> None:
    with engine.begin() as conn:
        bulk_insert(
            conn, Unit.__table__, ["id", "code", "name", "kind", "parent_id", "path", "region"], UNIT_ROWS
        )


def _answers(*values: int | None) -> tuple[int | None, ...]:
    return values


def test_unit_path_builds_materialised_path() -> None:
    assert unit_path(None, "KEC-A") == "/KEC-A/"
    assert unit_path("/KEC-A/", "KEL-A1") == "/KEC-A/KEL-A1/"


def test_scope_filters_subtree_and_region(engine: Engine) -> None:
    _load_units(engine)
    assert list(list_units(engine)["code"]) == ["KEC-A", "KEL-A1", "KEL-A2", "KEC-A_X", "KEC-B"]
    subtree = list_units(engine, Scope(path_prefix="/KEC-A/"))
    assert list(subtree["code"]) == ["KEC-A", "KEL-A1", "KEL-A2"]
    assert list(subtree["depth"]) == [0, 1, 1]
    # "_" in a code is not a wildcard: KEC-A_X is not inside /KEC-A/ nor matched by a look-alike prefix
    assert list(list_units(engine, Scope(path_prefix="/KEC-A_/"))["code"]) == []
    assert list(list_units(engine, Scope(region="B"))["code"]) == ["KEC-B"]
    assert list_regions(engine) == ["A", "B"]


def test_survey_monthly_equals_group_by_with_blanks(engine: Engine) -> None:
    _load_units(engine)
    columns = ["unit_id", "response_date", *UNSUR]
    rows = [
        (2, date(2025, 1, 3), *_answers(4, 3, 2, 4, 3, 3, 4, 3, 4)),
        (2, date(2025, 1, 31), *_answers(3, 3, None, 4, 3, 2, 4, 3, 3)),
        (2, date(2025, 2, 1), *_answers(1, 2, 3, 4, 1, 2, 3, 4, 1)),
        (3, date(2025, 1, 15), *_answers(4, 4, 4, 4, 4, 4, 4, 4, 4)),
    ]
    with engine.begin() as conn:
        assert bulk_insert(conn, SurveyResponse.__table__, columns, rows) == 4
        refresh_survey_monthly(conn)
    sm = SurveyMonthly.__table__
    with engine.connect() as conn:
        got = {
            (r.unit_id, r.month): r
            for r in conn.execute(select(sm).order_by(sm.c.unit_id, sm.c.month)).mappings()
        }
    january = got[(2, date(2025, 1, 1))]
    assert january["respondents"] == 2
    assert (january["sum_waktu"], january["n_waktu"]) == (2, 1)  # the blank is left out
    assert (january["sum_persyaratan"], january["n_persyaratan"]) == (7, 2)
    assert got[(2, date(2025, 2, 1))]["sum_sarana"] == 1
    assert got[(3, date(2025, 1, 1))]["n_kompetensi"] == 1
    assert len(got) == 3


def test_survey_monthly_refresh_of_some_units_leaves_others(engine: Engine) -> None:
    _load_units(engine)
    columns = ["unit_id", "response_date", *UNSUR]
    with engine.begin() as conn:
        bulk_insert(conn, SurveyResponse.__table__, columns, [(2, date(2025, 3, 1), *([3] * 9))])
        bulk_insert(conn, SurveyResponse.__table__, columns, [(3, date(2025, 3, 1), *([2] * 9))])
        refresh_survey_monthly(conn)
        conn.execute(SurveyResponse.__table__.delete().where(SurveyResponse.__table__.c.unit_id == 2))
        refresh_survey_monthly(conn, unit_ids=[2])
        remaining = conn.execute(select(SurveyMonthly.__table__.c.unit_id)).scalars().all()
    assert remaining == [3]


def test_inventory_counts_and_empty_flag(engine: Engine) -> None:
    assert is_empty(engine)
    _load_units(engine)
    with engine.begin() as conn:
        bulk_insert(
            conn,
            SurveyResponse.__table__,
            ["unit_id", "response_date", *UNSUR],
            [(2, date(2024, 5, 2), *([4] * 9)), (2, date(2025, 6, 2), *([4] * 9))],
        )
        refresh_survey_monthly(conn)
    assert not is_empty(engine)
    inventory = data_inventory(engine).set_index("kind")
    assert inventory.loc["unit", "rows"] == 5
    assert inventory.loc["survei", "rows"] == 2
    # issue 16: the days the responses run, not the monthly aggregate's key ("sampai 1 Juni")
    assert inventory.loc["survei", "first_date"] == date(2024, 5, 2)
    assert inventory.loc["survei", "last_date"] == date(2025, 6, 2)
    assert inventory.loc["pengaduan", "rows"] == 0
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(SurveyResponse.__table__)).scalar_one() == 2
