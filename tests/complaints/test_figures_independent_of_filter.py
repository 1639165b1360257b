"""Issue 16 point 3: a unit's complaint figures do not change with the filter.

In ``small_city`` KEL-A2's only complaint, P6 (Thursday 2025-03-20), is still open.
Before the fix, ``complaints --unit KEL-A2`` counted the backlog on the last
complaint *in scope* (03-20: P6 zero days old, not late) while the city-wide run
counted it on 04-02 (late): the same unit, two answers. Now both use the pages'
default window, which ends at the last month complete for every source: complaints
run to 2 April (April incomplete), services to 30 April, so March: 2024-04-01 to
2025-03-31. P6 is then open 7 working days (20, 21, 24–28 March): overdue, share
late 1 of 1, in both runs.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import Engine

from lib.cli import main
from lib.queries.complaints import complaint_data_end
from lib.queries.units import Scope
from lib.services.complaints import overview as load_complaint_overview


@pytest.fixture
def cli_db(engine: Engine, small_city: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    return small_city


def _unit(capsys: pytest.CaptureFixture[str], code: str, *argv: str) -> tuple[dict, dict]:
    assert main(["complaints", "--format", "json", *argv]) == 0
    data = json.loads(capsys.readouterr().out)
    return data, {u["kode_unit"]: u for u in data["units"]}[code]


def test_cli_unit_alone_matches_city_run(cli_db: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    city, in_city = _unit(capsys, "KEL-A2")
    alone, by_itself = _unit(capsys, "KEL-A2", "--unit", "KEL-A2")
    assert city["as_of"] == alone["as_of"] == "2025-03-31"
    assert city["from"] == alone["from"] == "2024-04-01"
    for key in ("backlog", "backlog_overdue", "share_late", "complaints"):
        assert in_city[key] == by_itself[key], key
    assert by_itself["backlog_overdue"] == 1 and by_itself["share_late"] == 1.0


def test_overview_backlog_reconciles_with_status_counts(engine: Engine, small_city: dict[str, int]) -> None:
    assert complaint_data_end(engine) == date(2025, 4, 20)
    # period April only: P5 received in it (resolved); P4 (03-17) and P6 (03-20) open from before
    ov = load_complaint_overview(
        engine=engine, scope=Scope(), date_from=date(2025, 4, 1), date_to=date(2025, 4, 30)
    )
    totals = ov.totals
    assert totals["backlog"] == 2
    assert totals["backlog_received_in_period"] == 0
    assert totals["backlog_received_before"] == 2
    assert totals["backlog"] == totals["backlog_received_in_period"] + totals["backlog_received_before"]
    open_statuses = ov.status_shares[ov.status_shares["status"].isin(["belum", "proses"])]
    assert int(open_statuses["complaints"].sum()) == totals["backlog_received_in_period"]
