"""``python -m lib ikm``: the JSON shape, filters, and clear errors."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lib.cli import main
from lib.models import UNSUR
from tests.ikm.ikm_data import add_responses, add_units, response, worked_example_answers


@pytest.fixture
def cli_db(engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    ids = add_units(
        engine,
        [
            {"code": "KEC", "name": "Kecamatan Medan Belawan", "kind": "kecamatan", "population": 1000},
            {"code": "KEL1", "name": "Kelurahan Belawan I", "kind": "kelurahan", "parent": "KEC"},
        ],
    )
    rows = [
        response(ids["KEC"], date(2025, 2, 1 + i % 28), a) for i, a in enumerate(worked_example_answers())
    ]
    rows += [response(ids["KEL1"], date(2025, 4, 2), [2] * 9)]
    add_responses(engine, rows)
    return ids


def _json(capsys, *argv: str) -> list[dict]:
    assert main(["ikm", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape(cli_db, capsys) -> None:
    data = _json(capsys)
    assert [d["kode_unit"] for d in data] == ["KEC", "KEL1"]
    kec = data[0]
    assert kec["nama_unit"] == "Kecamatan Medan Belawan"
    assert kec["responden"] == 29
    assert list(kec["nrr"]) == list(UNSUR)
    assert kec["nrr"]["waktu"] == 3.4483
    assert kec["ikm"] == 91.38 and kec["mutu"] == "A" and kec["weight"] == "0.111"
    assert data[1]["ikm"] == 49.95 and data[1]["mutu"] == "D"


def test_exact_weight_unit_and_rollup(cli_db, capsys) -> None:
    assert _json(capsys, "--unit", "kec") == _json(capsys, "--unit", "KEC")  # codes in any case
    (kec,) = _json(capsys, "--unit", "KEC", "--weight", "exact")
    assert kec["ikm"] == 91.48 and kec["weight"] == "1/9"
    (rolled,) = _json(capsys, "--unit", "KEC", "--rollup")
    assert rolled["responden"] == 30 and rolled["rollup"] is True
    assert [d["kode_unit"] for d in _json(capsys, "--unit", "KEC", "--subtree")] == ["KEC", "KEL1"]


def test_periods_and_dates(cli_db, capsys) -> None:
    data = _json(capsys, "--period", "quarter")
    assert [(d["kode_unit"], d["periode"], d["responden"]) for d in data] == [
        ("KEC", "2025-Q1", 29),
        ("KEL1", "2025-Q2", 1),
    ]
    assert data[0]["period_start"] == "2025-01-01" and data[0]["period_end"] == "2025-03-31"
    assert _json(capsys, "--from", "2025-04-01", "--to", "2025-04-30")[0]["kode_unit"] == "KEL1"
    assert _json(capsys, "--from", "2026-01-01") == []


def test_table_and_csv(cli_db, capsys) -> None:
    assert main(["ikm"]) == 0
    out = capsys.readouterr().out
    assert "91.38" in out and "bobot 0,111" in out
    assert main(["ikm", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("kode_unit,nama_unit,responden,nrr_persyaratan")
    assert lines[1].startswith("KEC,Kecamatan Medan Belawan,29,")


def test_user_errors(cli_db, capsys) -> None:
    assert main(["ikm", "--unit", "NOPE"]) == 2
    assert "NOPE" in capsys.readouterr().err
    assert main(["ikm", "--from", "2025-13-01"]) == 2
    assert "2025-13-01" in capsys.readouterr().err
    assert main(["ikm", "--from", "2025-05-01", "--to", "2025-01-01"]) == 2
    with pytest.raises(SystemExit):
        main(["ikm", "--weight", "0.2"])
