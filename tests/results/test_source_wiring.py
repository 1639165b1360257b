"""Every write of input data marks its source changed, so stored results go stale."""

from __future__ import annotations

from sqlalchemy import Engine

from lib.ingest.batches import IMPORTED, import_upload, undo_import
from lib.ingest.pipeline import prepare_upload
from lib.results import data_versions
from tests.ingest.conftest import build_city

SERVICE_CSV = b"kode_unit;periode;jumlah_layanan\nPKM-BLW;2026-01;120\nKEL-BLW1;2026-01;80\n"
BAD_CSV = b"kode_unit;periode;jumlah_layanan\nNOPE;2026-01;120\n"


def test_import_and_undo_bump_only_their_own_source(engine: Engine) -> None:
    build_city(engine)
    before = data_versions(engine, ("service", "survey", "unit"))

    prepared = prepare_upload(SERVICE_CSV, "layanan.csv", "layanan", engine)
    result = import_upload(engine, prepared, user="tester")
    assert result.outcome == IMPORTED
    after_import = data_versions(engine, ("service", "survey", "unit"))
    assert after_import == {**before, "service": before["service"] + 1}

    undo_import(engine, result.batch_id, user="tester")
    assert data_versions(engine, ("service",)) == {"service": before["service"] + 2}


def test_a_refused_import_changes_no_version(engine: Engine) -> None:
    build_city(engine)
    prepared = prepare_upload(BAD_CSV, "layanan.csv", "layanan", engine)
    result = import_upload(engine, prepared, user="tester")
    assert result.outcome != IMPORTED
    assert data_versions(engine, ("service",)) == {"service": 0}


def test_demo_load_marks_every_source(demo_engine: Engine) -> None:
    versions = data_versions(demo_engine, ("unit", "survey", "complaint", "training", "service"))
    assert all(v >= 1 for v in versions.values()), versions
