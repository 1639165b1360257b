"""Importing every kind end to end: stored values, upserts, repeats, --skip-invalid and undo."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from lib.ingest import ImportOptions, UndoRefused, import_upload, list_imports, prepare_upload, undo_import
from lib.ingest.batches import DUPLICATE, IMPORTED, REFUSED, UNDONE
from lib.models import (
    AuditLog,
    Complaint,
    Employee,
    ImportChange,
    Performance,
    ServiceStat,
    SurveyMonthly,
    SurveyResponse,
    TrainingParticipation,
    TrainingProgram,
    Unit,
)
from tests.ingest.conftest import TODAY


def _import(engine: Engine, text: str | bytes, kind: str, name: str = "f.csv", **options: object):  # type: ignore[no-untyped-def]
    data = text.encode() if isinstance(text, str) else text
    prepared = prepare_upload(data, name, kind, engine, ImportOptions(today=TODAY, **options))  # type: ignore[arg-type]
    return import_upload(engine, prepared, user="tester")


def _rows(engine: Engine, query):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(query).all()


def _count(engine: Engine, model) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model.__table__)).scalar_one()


SURVEY = """tanggal;kode_unit;persyaratan;prosedur;waktu;biaya;produk;kompetensi;perilaku;pengaduan;sarana;saran
01/03/2025;PKM-BLW;4;3;2;4;3;3;4;4;3;Antrian panjang
15/03/2025;PKM-BLW;3;;3;4;3;4;3;3;2;
02/04/2025;PKM-BLW;Sangat sesuai;Mudah;Cepat;Gratis;Sesuai;Kompeten;Sopan dan ramah;Tidak ada;Buruk;=HYPERLINK("x")
"""


def test_survey_import_stores_rows_and_monthly_sums(engine: Engine, city: dict[str, int]) -> None:
    result = _import(engine, SURVEY, "survei")
    assert result.outcome == IMPORTED, [p.sentence() for p in result.problems]
    assert (result.rows_total, result.inserted, result.updated) == (3, 3, 0)
    sr = SurveyResponse.__table__
    stored = _rows(
        engine,
        select(sr.c.response_date, sr.c.prosedur, sr.c.pengaduan, sr.c.suggestion).order_by(
            sr.c.response_date
        ),
    )
    assert stored == [
        (date(2025, 3, 1), 3, 4, "Antrian panjang"),
        (date(2025, 3, 15), None, 3, None),
        (date(2025, 4, 2), 3, 1, '=HYPERLINK("x")'),  # stored as text, as typed
    ]
    sm = SurveyMonthly.__table__
    march = _rows(
        engine,
        select(
            sm.c.respondents, sm.c.sum_persyaratan, sm.c.sum_prosedur, sm.c.n_prosedur, sm.c.sum_sarana
        ).where(sm.c.month == date(2025, 3, 1)),
    )
    # persyaratan 4+3, prosedur 3 from one answer (the blank is left out), sarana 3+2
    assert march == [(2, 7, 3, 1, 5)]


def test_same_file_twice_is_imported_once(engine: Engine, city: dict[str, int]) -> None:
    first = _import(engine, SURVEY, "survei")
    second = _import(engine, SURVEY, "survei", name="again.csv")
    assert second.outcome == DUPLICATE and second.duplicate_of == first.batch_id
    assert "sudah diimpor sebagai impor #" in second.summary("id")
    assert _count(engine, SurveyResponse) == 3
    # with another unit chosen it is another import
    assert _import(engine, SURVEY, "survei", unit_code="PKM-BLW").outcome == IMPORTED


def test_refused_file_writes_no_data_but_is_listed(engine: Engine, city: dict[str, int]) -> None:
    bad = SURVEY + "16/03/2025;PKM-BLW;9;3;3;3;3;3;3;3;3;\n"
    result = _import(engine, bad, "survei")
    assert result.outcome == REFUSED
    assert _count(engine, SurveyResponse) == 0 and _count(engine, SurveyMonthly) == 0
    history = list_imports(engine)
    assert history.loc[0, "outcome"] == REFUSED and "ditolak" in history.loc[0, "message"]


def test_skip_invalid_imports_the_valid_rows_and_reports_the_rest(
    engine: Engine, city: dict[str, int]
) -> None:
    bad = SURVEY + "16/03/2025;PKM-BLW;9;3;3;3;3;3;3;3;3;\n17/03/2025;NOPE;4;3;3;3;3;3;3;3;3;\n"
    result = _import(engine, bad, "survei", skip_invalid=True)
    assert result.outcome == IMPORTED
    assert (result.rows_total, result.inserted, result.rejected) == (5, 3, 2)
    assert {(p.code, p.row) for p in result.problems if p.is_error} == {
        ("answer_off_scale", 5),
        ("unknown_unit", 6),
    }
    assert "2 baris tidak valid dilewati" in result.summary("id")


def test_google_forms_export_for_one_unit(engine: Engine, city: dict[str, int]) -> None:
    questions = [
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "Bagamana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    ]
    header = ",".join(
        ["Timestamp", "Jenis Kelamin", "Usia", *[f'"{q}"' for q in questions], "Saran dan masukan"]
    )
    rows = [
        "2025/03/14 10:22:33 AM GMT+7,Perempuan,34,Sangat sesuai,Mudah,Kurang cepat,Gratis,Sesuai,Kompeten,"
        'Sangat sopan dan ramah,Baik,Dikelola dengan baik,"Antrian panjang, mohon ditambah loket"',
        "2025/03/14 11:02:10 AM GMT+7,Laki-laki,51,Sesuai,Sangat mudah,Cepat,Murah,Sesuai,Sangat kompeten,"
        "Sopan dan ramah,Cukup,Berfungsi kurang maksimal,",
    ]
    data = ("\ufeff" + header + "\n" + "\n".join(rows) + "\n").encode()
    prepared = prepare_upload(
        data, "forms.csv", "survei", engine, ImportOptions(unit_code="PKM-BLW", today=TODAY)
    )
    assert prepared.mapping is not None
    assert prepared.mapping.fields["sarana"] == questions[7]  # Q8 is Sarana on the printed questionnaire
    assert prepared.mapping.fields["pengaduan"] == questions[8]
    result = import_upload(engine, prepared)
    assert result.outcome == IMPORTED and result.inserted == 2
    sr = SurveyResponse.__table__
    stored = _rows(
        engine,
        select(
            sr.c.unit_id,
            sr.c.gender,
            sr.c.age,
            sr.c.persyaratan,
            sr.c.waktu,
            sr.c.biaya,
            sr.c.sarana,
            sr.c.pengaduan,
        ).order_by(sr.c.age),
    )
    assert stored == [(city["PKM-BLW"], "P", 34, 4, 2, 4, 3, 4), (city["PKM-BLW"], "L", 51, 3, 3, 3, 2, 3)]


def test_u8_u9_are_regulation_order_unless_the_user_says_swapped(
    engine: Engine, city: dict[str, int]
) -> None:
    text = "tanggal,kode_unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,PKM-BLW,4,3,3,4,3,3,4,1,2\n"
    _import(engine, text, "survei")
    _import(engine, text, "survei", u8_u9_swapped=True)
    sr = SurveyResponse.__table__
    stored = _rows(engine, select(sr.c.pengaduan, sr.c.sarana).order_by(sr.c.import_id))
    assert stored == [(1, 2), (2, 1)]


def test_units_in_any_order_with_parents_in_the_same_file(engine: Engine) -> None:
    text = (
        "Kode Unit,Nama Unit,Jenis Unit,Induk,Wilayah,Populasi Layanan\n"
        "KEL-B2,Kelurahan Belawan II,Kelurahan,KEC-MB,Medan Belawan,12.500\n"
        "KEC-MB,Kecamatan Medan Belawan,kecamatan,,Medan Belawan,\n"
    )
    result = _import(engine, text, "unit")
    assert result.outcome == IMPORTED and result.inserted == 2
    u = Unit.__table__
    stored = dict(_rows(engine, select(u.c.code, u.c.path)))
    assert stored == {"KEC-MB": "/KEC-MB/", "KEL-B2": "/KEC-MB/KEL-B2/"}
    assert _rows(engine, select(u.c.kind, u.c.service_population).where(u.c.code == "KEL-B2")) == [
        ("kelurahan", 12500)
    ]


def test_moving_a_unit_updates_its_subtree_and_undo_puts_it_back(
    engine: Engine, city: dict[str, int]
) -> None:
    u = Unit.__table__
    # KEC-MBLW (with KEL-BLW1 below it) moves under a new unit defined in the same file
    text = "kode_unit,nama_unit,jenis_unit,induk\nKOTA,Kota Medan,kota,\nKEC-MBLW,Kecamatan Medan Belawan,kecamatan,KOTA\n"
    result = _import(engine, text, "unit")
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 0)
    paths = dict(_rows(engine, select(u.c.code, u.c.path)))
    assert paths["KEL-BLW1"] == "/KOTA/KEC-MBLW/KEL-BLW1/"
    undo_import(engine, result.batch_id)
    paths = dict(_rows(engine, select(u.c.code, u.c.path)))
    assert paths == {
        "DINKES": "/DINKES/",
        "PKM-BLW": "/DINKES/PKM-BLW/",
        "KEC-MBLW": "/KEC-MBLW/",
        "KEL-BLW1": "/KEC-MBLW/KEL-BLW1/",
    }


def test_employee_upsert_counts_and_undo_restores_previous_values(
    engine: Engine, city: dict[str, int]
) -> None:
    text = (
        "nip,nama,kode_unit,jabatan,jenis_jabatan,golongan\n"
        "198503122010011003,Ahmad Siregar,PKM-BLW,Perawat,fungsional,III/b\n"  # updated (new fields)
        "199001012015032001,Siti Rahmawati,KEL-BLW1,,,\n"  # the same as stored
        "'199203042016021001,Rina,KEL-BLW1,Staf,Pelaksana,II/c\n"  # new; Excel's text apostrophe
    )
    result = _import(engine, text, "pegawai")
    assert result.outcome == IMPORTED, [p.sentence() for p in result.problems]
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 1)
    e = Employee.__table__
    assert _rows(
        engine, select(e.c.position, e.c.position_type, e.c.grade).where(e.c.nip == "198503122010011003")
    ) == [("Perawat", "fungsional", "III/b")]
    assert _rows(engine, select(e.c.gender, e.c.birth_date).where(e.c.nip == "199203042016021001")) == [
        ("L", date(1992, 3, 4))
    ]
    counts = undo_import(engine, result.batch_id)
    assert counts == {"restored_employee": 1, "removed_employee": 1}
    assert _rows(engine, select(e.c.position, e.c.grade).where(e.c.nip == "198503122010011003")) == [
        (None, None)
    ]
    assert _count(engine, Employee) == 2
    assert list_imports(engine).loc[0, "outcome"] == UNDONE


def test_training_rows_create_programme_and_participations(engine: Engine, city: dict[str, int]) -> None:
    text = (
        "kode_pelatihan,nama_pelatihan,jenis_kompetensi,metode,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nip,"
        "nilai_pre,nilai_post,reaksi_materi,reaksi_pengajar,reaksi_manfaat,status\n"
        'DIG-01,Pelayanan Digital,Teknis,E-Learning,BPSDM,10/03/2025,12/03/2025,24,198503122010011003,"62,5",81,4,5,4,\n'
        "DIG-01,Pelayanan Digital,Teknis,E-Learning,BPSDM,10/03/2025,12/03/2025,24,199001012015032001,70,,4,4,5,tidak hadir\n"
    )
    result = _import(engine, text, "pelatihan")
    assert result.outcome == IMPORTED, [p.sentence() for p in result.problems]
    assert result.inserted == 2 and result.extra == {"programs_inserted": 1, "programs_updated": 0}
    tp = TrainingProgram.__table__
    assert _rows(
        engine, select(tp.c.code, tp.c.competency_type, tp.c.method, tp.c.track, tp.c.start_date, tp.c.jp)
    ) == [("DIG-01", "teknis", "E-Learning", "nonklasikal", date(2025, 3, 10), 24)]
    pa = TrainingParticipation.__table__
    assert sorted(_rows(engine, select(pa.c.pre_score, pa.c.post_score, pa.c.status))) == [
        (62.5, 81.0, "lulus"),
        (70.0, None, "tidak_hadir"),
    ]


def test_performance_and_service_periods(engine: Engine, city: dict[str, int]) -> None:
    perf = 'nip,periode,nilai,predikat\n198503122010011003,2025 Q2,"84,5",baik\n199001012015032001,2025,,Sangat Baik\n'
    assert _import(engine, perf, "kinerja").outcome == IMPORTED
    p = Performance.__table__
    assert sorted(
        _rows(engine, select(p.c.period, p.c.period_start, p.c.period_end, p.c.score, p.c.rating))
    ) == [
        ("2025", date(2025, 1, 1), date(2025, 12, 31), None, "Sangat Baik"),
        ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30), 84.5, "Baik"),
    ]
    service = "kode_unit;periode;jumlah_layanan;rata_waktu_hari;persen_tepat_waktu\nPKM-BLW;06/2025;1.240;2,5;87,5%\n"
    assert _import(engine, service, "layanan").outcome == IMPORTED
    s = ServiceStat.__table__
    assert _rows(
        engine, select(s.c.period, s.c.period_end, s.c.services, s.c.mean_days, s.c.pct_on_time)
    ) == [("2025-06", date(2025, 6, 30), 1240, 2.5, 87.5)]
    # the same unit and period again: an update, not a second row
    again = "kode_unit;periode;jumlah_layanan\nPKM-BLW;2025-06;1300\n"
    result = _import(engine, again, "layanan")
    assert (result.inserted, result.updated) == (0, 1)
    assert _rows(engine, select(s.c.services, s.c.mean_days)) == [(1300, 2.5)]  # absent column kept


def test_complaints_update_by_number_and_undo_refused_after_later_change(
    engine: Engine, city: dict[str, int]
) -> None:
    first = (
        "nomor,tanggal,kode_unit,kanal,kategori,isi,status\n"
        "LPR-1,2025-05-02,KEL-BLW1,lapor,Waktu/antrian,<script>alert(1)</script> Antrian lama,Belum\n"
        "LPR-2,2025-05-03,KEL-BLW1,WA,Kesehatan,Petugas tidak ada,proses\n"
    )
    one = _import(engine, first, "pengaduan")
    assert one.outcome == IMPORTED
    warnings = [p for p in one.problems if not p.is_error]
    assert [(p.code, p.row, p.value) for p in warnings] == [("unknown_choice_dropped", 3, "Kesehatan")]
    c = Complaint.__table__
    assert sorted(_rows(engine, select(c.c.number, c.c.channel, c.c.category, c.c.status, c.c.text))) == [
        ("LPR-1", "LAPOR!", "waktu", "belum", "<script>alert(1)</script> Antrian lama"),
        ("LPR-2", "WhatsApp", None, "proses", "Petugas tidak ada"),
    ]
    second = "nomor,tanggal,kode_unit,isi,status,tanggal_selesai\nLPR-1,2025-05-02,KEL-BLW1,Antrian lama,selesai,2025-05-06\n"
    two = _import(engine, second, "pengaduan")
    assert (two.inserted, two.updated) == (0, 1)
    with pytest.raises(UndoRefused) as refused:
        undo_import(engine, one.batch_id)
    assert f"#{two.batch_id}" in refused.value.message("id")
    undo_import(engine, two.batch_id)
    assert _rows(engine, select(c.c.status, c.c.resolved_date).where(c.c.number == "LPR-1")) == [
        ("belum", None)
    ]
    undo_import(engine, one.batch_id)
    assert _count(engine, Complaint) == 0
    with engine.connect() as conn:
        actions = conn.execute(select(AuditLog.__table__.c.action)).scalars().all()
    assert actions.count("undo") == 2 and actions.count("import") == 2


def test_undo_refused_while_later_data_depends_on_the_import(engine: Engine) -> None:
    units = _import(engine, "kode_unit,nama_unit,jenis_unit\nPKM-X,Puskesmas X,puskesmas\n", "unit")
    survey = _import(
        engine, "tanggal,kode_unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,PKM-X,4,3,3,4,3,3,4,1,2\n", "survei"
    )
    with pytest.raises(UndoRefused) as refused:
        undo_import(engine, units.batch_id)
    assert refused.value.code == "in_use" and f"#{survey.batch_id}" in refused.value.message("en")
    undo_import(engine, survey.batch_id)
    assert _count(engine, SurveyMonthly) == 0  # the monthly sums follow the undo
    undo_import(engine, units.batch_id)
    assert _count(engine, Unit) == 0
    with pytest.raises(UndoRefused):
        undo_import(engine, units.batch_id)  # already undone


def test_undo_of_a_survey_import_keeps_other_imports_months(engine: Engine, city: dict[str, int]) -> None:
    a = _import(
        engine,
        "tanggal,kode_unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-01,PKM-BLW,4,4,4,4,4,4,4,4,4\n",
        "survei",
    )
    b = _import(
        engine,
        "tanggal,kode_unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\n2025-03-09,PKM-BLW,2,2,2,2,2,2,2,2,2\n",
        "survei",
    )
    sm = SurveyMonthly.__table__
    assert _rows(engine, select(sm.c.respondents, sm.c.sum_waktu)) == [(2, 6)]
    undo_import(engine, b.batch_id)
    assert _rows(engine, select(sm.c.respondents, sm.c.sum_waktu)) == [(1, 4)]
    assert a.outcome == IMPORTED
    assert _count(engine, ImportChange) == 0
