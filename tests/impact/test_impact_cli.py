"""``python -m lib impact``: JSON shape, programme selection and clear errors (small hand-made city)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from lib.cli import main
from tests.impact.impact_data import build_small_city


@pytest.fixture
def cli_city(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    build_small_city(engine)
    return engine


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    assert main(["impact", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_rows_per_programme_level_and_measure(
    cli_city: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _json(capsys)
    assert {r["nama_pelatihan"] for r in rows} == {"Pelatihan Layanan Digital", "Seminar Etika Pelayanan"}
    for row in rows:
        assert set(row) >= {
            "kode_pelatihan",
            "nama_pelatihan",
            "level",
            "measure",
            "estimate",
            "ci_low",
            "ci_high",
            "n",
            "method",
        }
        assert row["level"] in {"reaction", "learning", "behaviour", "results"}
        assert isinstance(row["n"], int) and row["method"]
    gain = next(r for r in rows if r["kode_pelatihan"] == "P1,P2" and r["measure"] == "mean_gain")
    # pairs 60→70, 55→60, 40→55, 80→85: gains 10, 5, 15, 5 → mean 8.75
    assert gain["estimate"] == 8.75 and gain["n"] == 4 and gain["ci_low"] < 8.75 < gain["ci_high"]
    useful = next(r for r in rows if r["kode_pelatihan"] == "P1,P2" and r["measure"] == "manfaat")
    assert useful["estimate"] == 4.5 and useful["n"] == 4
    # not estimable: null, never NaN, in the JSON
    skp = next(r for r in rows if r["kode_pelatihan"] == "P3" and r["measure"] == "skp_did")
    assert skp["estimate"] is None and skp["ci_low"] is None


def test_program_selection_by_code_course_and_run(
    cli_city: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    by_code = _json(capsys, "--program", "p2")
    assert {r["kode_pelatihan"] for r in by_code} == {"P1,P2"}  # the course P2 is a run of
    by_name = _json(capsys, "--program", "Seminar Etika Pelayanan")
    assert {r["kode_pelatihan"] for r in by_name} == {"P3"}
    run = _json(capsys, "--program", "P2", "--by", "run")
    assert {r["kode_pelatihan"] for r in run} == {"P2"}
    gain = next(r for r in run if r["measure"] == "mean_gain")
    assert gain["estimate"] == 10.0 and gain["n"] == 2  # 40→55 and 80→85


def test_table_output_and_errors(cli_city: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", "--program", "P3"]) == 0
    out = capsys.readouterr().out
    assert "Seminar Etika Pelayanan" in out and "learning" in out and "95% CI" in out
    assert main(["impact", "--program", "NOPE"]) == 2
    err = capsys.readouterr().err
    assert "NOPE" in err and "P1" in err and "Traceback" not in err
    assert main(["impact", "--from", "2025-13-01"]) == 2
    assert "tanggal tidak valid" in capsys.readouterr().err
    assert main(["impact", "--threshold", "1.5"]) == 2
    assert main(["impact", "--unit", "XYZ"]) == 2
    assert main(["impact", "--from", "2030-01-01", "--lang", "en"]) == 2
    assert "No training programme" in capsys.readouterr().err


def test_csv_output_is_formula_safe(cli_city: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("kode_pelatihan,nama_pelatihan,level,measure,estimate")
    assert len(lines) > 10
