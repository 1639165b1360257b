"""``python -m lib complaints``: the JSON per unit checked by hand, the table, and friendly errors.

Figures (see the ``small_city`` fixture; range to 2025-04-30, so the backlog is counted on
that day): KEL-A1 has 5 complaints and 800 services → 6.25 per 1,000; answered in 5, 5, 1
and 13 working days → median 5; late: P5 (13) and the open P4 (32 working days) → 2 of 5.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from lib.cli import main


@pytest.fixture
def cli_db(engine: Engine, small_city: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    return small_city


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["complaints", "--format", "json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_per_unit_by_hand(cli_db: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--to", "2025-04-30")
    assert data["from"] == "2025-02-10" and data["to"] == "2025-04-30" and data["as_of"] == "2025-04-30"
    units = {u["kode_unit"]: u for u in data["units"]}
    a1 = units["KEL-A1"]
    assert a1["nama_unit"] == "Kelurahan KEL-A1"
    assert a1["complaints"] == 5
    assert a1["rate_per_1000"] == pytest.approx(6.25)
    assert a1["median_resolution_days"] == 5
    assert a1["share_late"] == pytest.approx(0.4)
    assert a1["backlog"] == 1 and a1["backlog_overdue"] == 1
    assert a1["spikes"] == []
    a2 = units["KEL-A2"]  # no service statistics: no rate rather than zero
    assert a2["rate_per_1000"] is None and a2["complaints"] == 1 and a2["share_late"] == 1.0
    assert data["totals"]["complaints"] == 8


def test_unit_option_limits_to_the_subtree(
    cli_db: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(capsys, "--unit", "kec-a", "--to", "2025-04-30")
    assert {u["kode_unit"] for u in data["units"]} == {"KEL-A1", "KEL-A2"}


def test_table_output(cli_db: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["complaints", "--to", "2025-04-30"]) == 0
    out = capsys.readouterr().out
    assert "KEL-A1" in out and "6,25" in out
    assert "8 pengaduan" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "NOPE"], "NOPE"),
        (["--from", "2025-13-01"], "2025-13-01"),
        (["--from", "2025-05-01", "--to", "2025-04-01"], "2025-05-01"),
        (["--alpha", "2"], "--alpha"),
    ],
)
def test_user_errors_are_messages(
    cli_db: dict[str, int], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["complaints", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_empty_database(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    assert main(["complaints"]) == 0
    assert "Belum ada pengaduan" in capsys.readouterr().err
    data = _json(capsys)
    assert data["units"] == []
