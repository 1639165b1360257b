"""Real-world shapes: each corpus file imports, or is refused with the expected message, and stores exactly its rows."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select

from lib.analysis.complaints import median_response_hours
from lib.ingest import ImportOptions, import_upload, prepare_upload
from lib.ingest.batches import IMPORTED, REFUSED, REPLACED, list_imports
from lib.models import Complaint, ImportBatch, SurveyResponse, Unit
from lib.queries.complaints import response_minutes
from lib.queries.units import CITY
from lib.services.complaints import overview as load_complaint_overview
from lib.services.ikm import unit_ikm
from lib.text.complaints import overview_sentences
from tests.ingest.conftest import TODAY
from tests.ingest.make_real_corpus import survey_scores

CORPUS = Path(__file__).parent / "corpus" / "real"
CASES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
TABLES = {"survei": SurveyResponse.__table__, "pengaduan": Complaint.__table__}


def _stored(engine: Engine, kind: str, batch_id: int | None = None) -> int:
    table = TABLES[kind]
    query = select(func.count()).select_from(table)
    if batch_id is not None:
        query = query.where(table.c.import_id == batch_id)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def _import(engine: Engine, name: str, kind: str, **options: object):  # type: ignore[no-untyped-def]
    data = (CORPUS / name).read_bytes()
    prepared = prepare_upload(data, name, kind, engine, ImportOptions(today=TODAY, **options))  # type: ignore[arg-type]
    return prepared, import_upload(engine, prepared, user="test")


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_real_file_imports_or_is_refused_as_expected(
    engine: Engine, city: dict[str, int], case: dict
) -> None:
    prepared, result = _import(engine, case["file"], case["kind"], **case.get("options", {}))
    listed = [(p.code, p.row, p.column) for p in prepared.problems]
    for expected in case["expect"]:
        matches = [
            p
            for p in prepared.problems
            if p.code == expected["code"]
            and ("row" not in expected or p.row == expected["row"])
            and ("column" not in expected or p.column == expected["column"])
        ]
        assert matches, f"expected {expected} among {listed}"
        if "contains" in expected:
            assert expected["contains"] in matches[0].sentence("id")
        assert matches[0].message("en") != matches[0].message("id")
    if "max_problems" in case:
        assert len(prepared.errors) <= case["max_problems"], listed
    if case["imports"]:
        assert result.outcome == IMPORTED, listed
        if not case.get("options", {}).get("skip_invalid"):
            assert not prepared.errors, listed
        assert _stored(engine, case["kind"], result.batch_id) == case["stored"]
    else:
        assert result.outcome == REFUSED
        assert _stored(engine, case["kind"]) == 0


def test_single_scale_google_form_gives_the_official_labels_ikm(engine: Engine, city: dict[str, int]) -> None:
    _, official = _import(engine, "gforms_official_labels.csv", "survei", unit_code="PKM-BLW")
    _, single = _import(engine, "gforms_sesuai_single_scale.csv", "survei", unit_code="KEL-BLW1")
    _, numbered = _import(engine, "gforms_numbered_baik.csv", "survei", unit_code="KEC-MBLW")
    assert official.outcome == single.outcome == numbered.outcome == IMPORTED
    ikm = unit_ikm(engine=engine, scope=CITY).set_index("kode_unit")["ikm"]
    # expected from the scores the files were written from: NRR per unsur, Σ NRR × 0.111 × 25
    scores = survey_scores(29)
    nrr = [sum(row[j] for row in scores) / 29 for j in range(9)]
    expected = sum(nrr) * 0.111 * 25
    assert ikm["PKM-BLW"] == pytest.approx(expected, abs=1e-9)
    assert ikm["KEL-BLW1"] == pytest.approx(expected, abs=1e-9)
    assert ikm["KEC-MBLW"] == pytest.approx(expected, abs=1e-9)


def test_first_respondent_of_the_sesuai_form_hand_checked(engine: Engine, city: dict[str, int]) -> None:
    # row 2 (i = 0) has scores 1 + 5j mod 4 for question j: 1, 2, 3, 4, 1, 2, 3, 4, 1
    _import(engine, "gforms_sesuai_single_scale.csv", "survei", unit_code="PKM-BLW")
    sr = SurveyResponse.__table__
    with engine.connect() as conn:
        first = conn.execute(select(sr).order_by(sr.c.response_date, sr.c.id).limit(1)).mappings().one()
    answers = [
        first[u] for u in ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku")
    ]
    assert answers == [1, 2, 3, 4, 1, 2, 3]
    # questions 8 and 9 are matched by their text (pengaduan, sarana)
    assert (first["pengaduan"], first["sarana"]) == (4, 1)


def test_city_export_keeps_times_topics_line_breaks_and_derives_status(
    engine: Engine, city: dict[str, int]
) -> None:
    prepared, result = _import(engine, "city_aduan_export.csv", "pengaduan", skip_invalid=True)
    assert result.outcome == IMPORTED
    c = Complaint.__table__
    with engine.connect() as conn:
        rows = {r["number"]: r for r in conn.execute(select(c)).mappings()}
    first = rows["50101"]
    assert first["text"] == "Jalan di depan sekolah berlubang,\nsudah tiga bulan belum diperbaiki."
    assert first["received_at"] == datetime(2025, 4, 1, 8, 15)
    assert first["resolved_at"] == datetime(2025, 4, 1, 16, 40)
    assert first["status"] == "selesai"
    assert first["source_category"] == "Infrastruktur"
    assert rows["50104"]["status"] == "belum" and rows["50104"]["resolved_date"] is None
    assert rows["50113"]["unit_id"] == city["KEL-BLW1"]  # name in lower case
    assert rows["50114"]["unit_id"] == city["KEC-MBLW"]  # a code in the name column
    assert "50106" not in rows and "50107" not in rows  # answered before received; unknown unit
    # response minutes, by hand from the export: 50101 505, 50102 240, 50103 242, 50105 745, 50108 150,
    # 50109 400, 50112 45, 50113 1100, 50114 480 → sorted 45 150 240 242 400 480 505 745 1100: median 400
    minutes = response_minutes(engine, CITY)
    assert int(minutes["complaints"].sum()) == 9
    assert median_response_hours(minutes) == pytest.approx(400 / 60)


def test_overview_reports_hours_when_the_median_is_under_a_day(engine: Engine, city: dict[str, int]) -> None:
    _import(engine, "city_aduan_export.csv", "pengaduan", skip_invalid=True)
    overview = load_complaint_overview(engine=engine, scope=CITY)
    assert overview.totals["median_response_hours"] == pytest.approx(400 / 60)
    sentences = " ".join(overview_sentences(overview, "id"))
    assert "6,7 jam" in sentences


def test_corrected_survey_file_replaces_its_predecessor(engine: Engine, city: dict[str, int]) -> None:
    first, v1 = _import(engine, "survey_v1.csv", "survei", skip_invalid=True)
    assert v1.outcome == IMPORTED and v1.inserted == 3 and v1.rejected == 1
    data = (CORPUS / "survey_v2_corrected.csv").read_bytes()
    prepared = prepare_upload(data, "survey_v2_corrected.csv", "survei", engine, ImportOptions(today=TODAY))
    v2 = import_upload(engine, prepared, user="test", replaces=v1.batch_id)
    assert v2.outcome == IMPORTED
    assert (v2.removed, v2.inserted, v2.updated) == (3, 5, 0)
    assert "Impor #1 diganti: 3 baris lamanya dihapus" in v2.summary("id")
    assert _stored(engine, "survei") == 5
    history = list_imports(engine).set_index("id")
    assert history.at[v1.batch_id, "outcome"] == REPLACED
    # the monthly sums follow: 5 respondents in May for PKM-BLW
    ikm = unit_ikm(engine=engine, scope=CITY).set_index("kode_unit")
    assert int(ikm.at["PKM-BLW", "responden"]) == 5


def test_replace_is_refused_when_a_later_import_depends_on_it(engine: Engine, city: dict[str, int]) -> None:
    units = b"kode_unit,nama_unit,jenis_unit,induk\nPKM-NEW,Puskesmas Baru,puskesmas,DINKES\n"
    prepared = prepare_upload(units, "u.csv", "unit", engine, ImportOptions(today=TODAY))
    unit_import = import_upload(engine, prepared)
    complaints = b"nomor,tanggal,kode_unit,isi,status\nX-1,2025-01-02,PKM-NEW,Antrian lama sekali,belum\n"
    import_upload(
        engine, prepare_upload(complaints, "c.csv", "pengaduan", engine, ImportOptions(today=TODAY))
    )
    fixed = b"kode_unit,nama_unit,jenis_unit,induk\nPKM-NEW,Puskesmas Baru Belawan,puskesmas,DINKES\n"
    prepared = prepare_upload(fixed, "u2.csv", "unit", engine, ImportOptions(today=TODAY))
    result = import_upload(engine, prepared, replaces=unit_import.batch_id)
    assert result.outcome == REFUSED
    assert result.problems[-1].code == "replace_in_use"
    assert "tidak dapat diganti" in result.problems[-1].sentence("id")
    u = Unit.__table__
    with engine.connect() as conn:
        assert conn.execute(select(u.c.name).where(u.c.code == "PKM-NEW")).scalar_one() == "Puskesmas Baru"
        b = ImportBatch.__table__
        assert (
            conn.execute(select(b.c.outcome).where(b.c.id == unit_import.batch_id)).scalar_one() == IMPORTED
        )


def test_ambiguous_unit_name_lists_the_candidates(engine: Engine, city: dict[str, int]) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(Unit.__table__).values(
                code="DINKES-BNJ",
                name="Dinas Kesehatan",
                kind="dinas",
                path="/DINKES-BNJ/",
                region="Kota Binjai",
            )
        )
    data = b"nomor,tanggal,instansi,isi,status\n1,2025-01-02,Dinas Kesehatan,Antrian lama,belum\n2,2025-01-02,Puskesmas Belawn,Antrian,belum\n"
    prepared = prepare_upload(data, "a.csv", "pengaduan", engine, ImportOptions(today=TODAY))
    by_row = {p.row: p for p in prepared.errors}
    assert by_row[2].code == "unit_ambiguous"
    assert (
        "DINKES – Dinas Kesehatan (Kota Medan); DINKES-BNJ – Dinas Kesehatan (Kota Binjai)"
        in by_row[2].sentence()
    )
    assert by_row[3].code == "unknown_unit_close"
    assert "Maksud Anda PKM-BLW – Puskesmas Belawan (Medan Belawan)?" in by_row[3].sentence()


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["id", "keluhan", "alamat", "tanggal_keluhan", "tanggal_ditanggapi", "instansi", "topik"],
            {
                "nomor": "id",
                "isi": "keluhan",
                "tanggal": "tanggal_keluhan",
                "tanggal_selesai": "tanggal_ditanggapi",
                "kode_unit": "instansi",
                "kategori_sumber": "topik",
            },
        ),
        (
            [
                "Tracking ID",
                "Judul Laporan",
                "Isi Laporan",
                "Kategori",
                "Instansi Tujuan",
                "Status",
                "Tanggal Laporan",
                "Tanggal Selesai",
                "Sumber",
            ],  # fmt: skip
            {
                "nomor": "Tracking ID",
                "isi": "Isi Laporan",
                "kategori": "Kategori",
                "kode_unit": "Instansi Tujuan",
                "status": "Status",
                "tanggal": "Tanggal Laporan",
                "tanggal_selesai": "Tanggal Selesai",
                "kanal": "Sumber",
            },
        ),
    ],
)
def test_channel_export_headers_are_recognised(headers: list[str], expected: dict[str, str]) -> None:
    from lib.ingest.columns import recognise_columns
    from lib.ingest.kinds import PENGADUAN

    assert recognise_columns(headers, PENGADUAN).fields == expected


def test_lapor_export_keeps_its_category_as_the_source_topic(engine: Engine, city: dict[str, int]) -> None:
    _, result = _import(engine, "lapor_export.xlsx", "pengaduan")
    assert result.outcome == IMPORTED
    c = Complaint.__table__
    with engine.connect() as conn:
        rows = {r["number"]: r for r in conn.execute(select(c)).mappings()}
    assert rows["8123401"]["source_category"] == "Administrasi Kependudukan"
    assert rows["8123401"]["category"] is None  # not one of the product's themes
    assert (rows["8123401"]["status"], rows["8123402"]["status"], rows["8123403"]["status"]) == (
        "selesai",
        "proses",
        "belum",
    )
    assert rows["8123401"]["text"] == "Diminta biaya untuk KTP-el di kelurahan.\nPadahal gratis."
    assert rows["8123401"]["received_at"] == datetime(2025, 1, 15, 10, 12)


def test_survey_double_submission_minutes_apart_is_flagged_hours_apart_is_not(
    engine: Engine, city: dict[str, int]
) -> None:
    header = "Timestamp,Jenis Kelamin,Usia," + ",".join(f"U{i}" for i in range(1, 10)) + ",Saran\n"
    answers = "Sangat Sesuai,Sesuai,Sesuai,Sangat Sesuai,Sesuai,Sesuai,Sangat Sesuai,Sesuai,Kurang Sesuai"
    other = "Sesuai,Sesuai,Kurang Sesuai,Sangat Sesuai,Sesuai,Tidak Sesuai,Sangat Sesuai,Sesuai,Sesuai"
    rows = [
        f"2025/03/10 9:01:10 AM GMT+7,Perempuan,34,{answers},",
        f"2025/03/10 9:03:55 AM GMT+7,Perempuan,34,{answers},",  # 2 min 45 s later: flagged
        f"2025/03/10 9:20:00 AM GMT+7,Laki-laki,51,{other},",
        f"2025/03/10 3:20:00 PM GMT+7,Laki-laki,51,{other},",  # 6 hours later, no suggestion: another visit
    ]
    data = (header + "\n".join(rows) + "\n").encode()
    prepared = prepare_upload(
        data, "f.csv", "survei", engine, ImportOptions(today=TODAY, unit_code="PKM-BLW")
    )
    flagged = [(p.row, p.params["first_row"]) for p in prepared.problems if p.code == "likely_duplicate"]
    assert flagged == [(3, 2)]
    left_out = prepare_upload(
        data, "f.csv", "survei", engine, ImportOptions(today=TODAY, unit_code="PKM-BLW", skip_duplicates=True)
    )
    assert left_out.rows_valid == 3 and left_out.rows_left_out == 1
