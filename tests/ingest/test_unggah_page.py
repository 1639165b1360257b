"""AppTest of views/unggah.py on its own: upload, preview and problems, import, history and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from lib.models import ImportBatch, SurveyResponse

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "unggah.py")

GOOD = b"tanggal;kode_unit;U1;U2;U3;U4;U5;U6;U7;U8;U9;saran\n01/03/2025;PKM-BLW;4;3;2;4;3;3;4;4;3;<b>bagus</b>\n02/03/2025;PKM-BLW;3;3;3;4;3;4;3;3;2;\n"
BAD = GOOD + b"03/03/2025;PKM-BLW;9;3;3;4;3;4;3;3;2;\n"


@pytest.fixture
def page(engine: Engine, city: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    monkeypatch.setenv("TELAAH_DEMO_ROLE", "evaluator")
    return AppTest.from_file(PAGE, default_timeout=60)


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(SurveyResponse.__table__)).scalar_one()


def _choose_survey(at: AppTest) -> None:
    at.selectbox(key="unggah_kind").set_value("survei").run()


def test_page_imports_a_valid_file_and_lists_it(page: AppTest, engine: Engine) -> None:
    page.run()
    assert not page.exception
    assert page.title[0].value == "Unggah Data"
    _choose_survey(page)
    page.get("file_uploader")[0].set_value(("skm.csv", GOOD, "text/csv")).run()
    assert not page.exception
    metrics = {m.label: m.value for m in page.metric}
    assert metrics == {"Baris data": "2", "Baris valid": "2", "Masalah": "0"}
    button = page.button(key="unggah_import")
    assert button.label == "Impor 2 baris" and not button.disabled
    button.click().run()
    assert not page.exception
    assert _count(engine) == 2
    assert any("Impor #1 selesai: 2 baris; 2 baru" in s.value for s in page.success)
    assert "<b>bagus</b>" not in "".join(m.value for m in page.markdown)  # free text never rendered as markup


def test_page_refuses_until_invalid_rows_are_skipped(page: AppTest, engine: Engine) -> None:
    page.run()
    _choose_survey(page)
    page.get("file_uploader")[0].set_value(("skm.csv", BAD, "text/csv")).run()
    assert not page.exception
    assert {m.label: m.value for m in page.metric}["Masalah"] == "1"
    assert page.button(key="unggah_import").disabled
    problems = page.dataframe[-1].value
    assert (
        problems.iloc[0]["Baris"] == 4
        and problems.iloc[0]["Kolom"] == "U1"
        and problems.iloc[0]["Nilai"] == "9"
    )
    page.checkbox(key="unggah_skip").check().run()
    assert not page.button(key="unggah_import").disabled
    page.button(key="unggah_import").click().run()
    assert _count(engine) == 2


def test_page_undoes_an_import_from_the_history(page: AppTest, engine: Engine) -> None:
    page.run()
    _choose_survey(page)
    page.get("file_uploader")[0].set_value(("skm.csv", GOOD, "text/csv")).run()
    page.button(key="unggah_import").click().run()
    assert _count(engine) == 2
    page.selectbox(key="unggah_undo_id").set_value(1).run()
    page.button(key="unggah_undo").click().run()
    # nothing is removed before the evaluator confirms, and the question says what will go
    assert _count(engine) == 2
    question = " ".join(w.value for w in page.warning)
    assert "#1" in question and "skm.csv" in question and "2 baris" in question
    page.button(key="unggah_undo_confirm").click().run()
    assert not page.exception
    assert _count(engine) == 0
    with engine.connect() as conn:
        assert conn.execute(select(ImportBatch.__table__.c.outcome)).scalar_one() == "undone"
    assert any("dibatalkan" in s.value for s in page.success)


def test_templates_tab_offers_every_kind(page: AppTest) -> None:
    page.run()
    keys = {b.key for b in page.get("download_button")}
    for kind in ("unit", "pegawai", "pelatihan", "kinerja", "layanan", "survei", "pengaduan"):
        assert f"unggah_tpl_csv_{kind}" in keys and f"unggah_tpl_xlsx_{kind}" in keys


def test_page_replaces_an_earlier_import_with_a_corrected_file(page: AppTest, engine: Engine) -> None:
    page.run()
    _choose_survey(page)
    page.get("file_uploader")[0].set_value(("skm.csv", GOOD, "text/csv")).run()
    page.button(key="unggah_import").click().run()
    assert _count(engine) == 2
    corrected = GOOD + b"04/03/2025;PKM-BLW;4;4;4;4;4;4;4;4;4;\n"
    page.get("file_uploader")[0].set_value(("skm_v2.csv", corrected, "text/csv")).run()
    assert not page.exception
    page.selectbox(key="unggah_replaces_survei").set_value(1).run()
    page.button(key="unggah_import").click().run()
    assert not page.exception
    assert _count(engine) == 3
    message = " ".join(s.value for s in page.success)
    assert "Impor #2 selesai: 3 baris; 3 baru" in message
    assert "Impor #1 diganti: 2 baris lamanya dihapus" in message


def test_page_leaves_out_double_submissions_when_asked(page: AppTest, engine: Engine) -> None:
    doubled = (
        b"nomor,tanggal,kode_unit,isi,status\n"
        b"A-1,2025-03-01 08:00,PKM-BLW,Antrian sangat lama di loket obat,belum\n"
        b"A-2,2025-03-01 08:02,PKM-BLW,Antrian sangat lama di loket obat!,belum\n"
    )
    page.run()
    page.selectbox(key="unggah_kind").set_value("pengaduan").run()
    page.get("file_uploader")[0].set_value(("aduan.csv", doubled, "text/csv")).run()
    assert not page.exception
    assert {m.label: m.value for m in page.metric}["Baris valid"] == "2"
    page.checkbox(key="unggah_skip_dups").check().run()
    assert not page.exception
    assert {m.label: m.value for m in page.metric}["Baris valid"] == "1"
    assert page.button(key="unggah_import").label == "Impor 1 baris"


def test_undo_can_be_called_off_at_the_confirmation(page: AppTest, engine: Engine) -> None:
    page.run()
    _choose_survey(page)
    page.get("file_uploader")[0].set_value(("skm.csv", GOOD, "text/csv")).run()
    page.button(key="unggah_import").click().run()
    page.selectbox(key="unggah_undo_id").set_value(1).run()
    page.button(key="unggah_undo").click().run()
    page.button(key="unggah_undo_cancel").click().run()
    assert not page.exception
    assert _count(engine) == 2
    assert not [b for b in page.button if b.key == "unggah_undo_confirm"]
    with engine.connect() as conn:
        assert conn.execute(select(ImportBatch.__table__.c.outcome)).scalar_one() == "imported"
