"""A complaint import returns once its rows are committed; the background job predicts their themes after it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from lib.analysis import complaint_themes as themes
from lib.ingest.batches import import_upload, undo_import
from lib.ingest.pipeline import prepare_upload
from lib.models import Complaint
from lib.results import run_pending
from tests.complaints.complaint_factory import add_complaints, add_units, labelled_texts


def test_imported_complaints_without_category_get_a_predicted_theme(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_units(engine, ["KEL-A1"])
    labelled = labelled_texts(400, seed=3, noise=0.0)
    add_complaints(
        engine,
        [
            {
                "number": f"OLD-{i}",
                "complaint_date": date(2025, 1, 1 + i % 28),
                "unit_id": ids["KEL-A1"],
                "category": row.label,
                "text": row.text,
                "status": "selesai",
                "resolved_date": date(2025, 2, 1),
            }
            for i, row in enumerate(labelled.itertuples())
        ],
    )
    csv = (
        b"nomor;tanggal;kode_unit;kanal;kategori;isi;status\n"
        b"NEW-1;03/03/2025;KEL-A1;WhatsApp;;antri lama bgt dari pagi blm dipanggil;belum\n"
        b"NEW-2;04/03/2025;KEL-A1;LAPOR!;;petugasnya jutek gak ramah sama warga;proses\n"
    )
    prepared = prepare_upload(csv, "pengaduan.csv", "pengaduan", engine)
    assert prepared.can_import, prepared.problems
    original_fit = themes.fit_theme_pipeline

    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("an import must never train the theme model")

    monkeypatch.setattr(themes, "fit_theme_pipeline", no_training)
    result = import_upload(engine, prepared, user="eva")
    assert result.inserted == 2
    monkeypatch.setattr(themes, "fit_theme_pipeline", original_fit)
    c = Complaint.__table__
    with engine.connect() as conn:
        rows = conn.execute(
            select(c.c.number, c.c.predicted_category, c.c.predicted_confidence).where(
                c.c.number.like("NEW-%")
            )
        ).all()
    assert {r.number for r in rows} == {"NEW-1", "NEW-2"}
    assert all(r.predicted_category is None for r in rows)  # the import did not classify (nor train)
    assert run_pending(engine) >= 1  # what the background worker does
    with engine.connect() as conn:
        rows = conn.execute(
            select(c.c.number, c.c.predicted_category, c.c.predicted_confidence).where(
                c.c.number.like("NEW-%")
            )
        ).all()
    assert all(r.predicted_category is not None and 0 < r.predicted_confidence <= 1 for r in rows)
    # an evaluator's label on an imported complaint does not block undoing the import: it goes with it
    from lib.models import ThemeLabel
    from lib.services.complaint_themes import save_label

    with engine.connect() as conn:
        new_id = conn.execute(select(c.c.id).where(c.c.number == "NEW-1")).scalar_one()
    save_label(engine=engine, complaint_id=new_id, theme="waktu", user="eva")
    undo_import(engine, result.batch_id)
    with engine.connect() as conn:
        assert conn.execute(select(ThemeLabel.__table__.c.complaint_id)).all() == []
    with engine.connect() as conn:
        assert conn.execute(select(c.c.id).where(c.c.number.like("NEW-%"))).all() == []
