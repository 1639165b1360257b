"""Writes the malformed-file corpus (tests/ingest/corpus/) and the messages each file must produce.

Run ``python -m tests.ingest.make_corpus`` after changing a case; the files are
committed so that the corpus can be opened and read by a person. Each case
names the kind, the options, and for every expected problem its code, the
Excel row and column it must name, and a piece of the Indonesian message.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent / "corpus"

SURVEY_HEADER = (
    "tanggal,kode_unit,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana,saran"
)


def _xlsx(rows: list[list[object]], title: str = "Data") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


CASES: list[dict] = [
    {
        "file": "empty.csv",
        "data": b"",
        "kind": "survei",
        "expect": [{"code": "empty_file", "contains": "Berkas kosong"}],
    },
    {
        "file": "whitespace.csv",
        "data": b"\r\n  \r\n\t\r\n",
        "kind": "unit",
        "expect": [{"code": "empty_file"}],
    },
    {
        "file": "random.bin",
        "data": bytes(range(256)) * 8,
        "kind": "survei",
        "expect": [{"code": "binary_file", "contains": "biner"}],
    },
    {
        "file": "photo.png",
        "data": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "kind": "pegawai",
        "expect": [{"code": "image_file"}],
    },
    {
        "file": "report.pdf",
        "data": b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n",
        "kind": "survei",
        "expect": [{"code": "pdf_file", "contains": "PDF"}],
    },
    {
        "file": "legacy.xls",
        "data": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "kind": "survei",
        "expect": [{"code": "old_xls", "contains": ".xls"}],
    },
    {
        "file": "table_saved_as.xls",
        "data": b"<html><body><table><tr><td>nip</td></tr></table></body></html>",
        "kind": "pegawai",
        "expect": [{"code": "html_file"}],
    },
    {"file": "document.docx", "data": _zip_docx(), "kind": "pengaduan", "expect": [{"code": "zip_not_xlsx"}]},
    {
        "file": "letter.txt",
        "data": b"Kepada Yth. Kepala BKPSDM\nDengan hormat\nBersama ini kami kirimkan data survei\n",
        "kind": "survei",
        "expect": [{"code": "not_tabular", "contains": "tidak berbentuk tabel"}],
    },
    {
        "file": "header_only.csv",
        "data": (SURVEY_HEADER + "\n").encode(),
        "kind": "survei",
        "expect": [{"code": "no_data_rows"}],
    },
    {
        "file": "ragged.csv",
        "data": b"nip,nama,kode_unit\n198503122010011003,Ahmad,PKM-BLW\n199001012015032001,Siti,KEL-BLW1,extra,cells\n",
        "kind": "pegawai",
        "expect": [{"code": "csv_malformed", "contains": "3: 5 / 3"}],
    },
    {
        "file": "survey_missing_waktu.csv",
        "data": b"tanggal,kode_unit,persyaratan,prosedur,biaya,produk,kompetensi,perilaku,pengaduan,sarana\n2025-03-01,PKM-BLW,4,3,4,3,4,4,3,3\n",
        "kind": "survei",
        "expect": [
            {"code": "missing_column", "column": "waktu", "contains": "Kolom wajib 'waktu' tidak ada"}
        ],
    },
    {
        "file": "survey_scale_1_5.csv",
        "data": (
            SURVEY_HEADER + "\n2025-03-01,PKM-BLW,5,4,3,5,2,1,4,5,3,\n2025-03-02,PKM-BLW,4,4,3,5,2,1,4,3,3,\n"
        ).encode(),
        "kind": "survei",
        "options": {"skip_invalid": True},
        "expect": [{"code": "scale_1_5", "contains": "skala 1–5"}],
    },
    {
        "file": "survey_14_unsur.csv",
        "data": b"tanggal,kode_unit,U1,U2,U3,U4,U5,U6,U7,U8,U9,U10,U11,U12,U13,U14\n2025-03-01,PKM-BLW,4,3,4,3,4,4,3,3,3,4,4,4,4,4\n",
        "kind": "survei",
        "expect": [{"code": "legacy_14_unsur", "contains": "14 unsur"}],
    },
    {
        "file": "survey_bad_cells.csv",
        "data": (
            SURVEY_HEADER
            + "\n2025-03-01,PKM-BLW,4,3,7,3,4,4,3,3,3,ok"
            + "\n2025-03-02,PKM-BLW,4,bagus,3,3,4,4,3,3,3,"
            + "\n2099-01-01,PKM-BLW,4,3,3,3,4,4,3,3,3,"
            + "\n31/02/2025,PKM-BLW,4,3,3,3,4,4,3,3,3,"
            + "\n3/14/2025,PKM-BLW,4,3,3,3,4,4,3,3,3,"
            + "\n2025-03-05,PKM-XYZ,4,3,3,3,4,4,3,3,3,"
            + "\n2025-03-06,PKM-BLW,,,,,,,,,,kosong semua"
            + "\n,PKM-BLW,4,3,3,3,4,4,3,3,3,\n"
        ).encode(),
        "kind": "survei",
        "expect": [
            {
                "code": "answer_off_scale",
                "row": 2,
                "column": "waktu",
                "value": "7",
                "contains": "di luar skala 1–4",
            },
            {
                "code": "not_an_answer",
                "row": 3,
                "column": "prosedur",
                "value": "bagus",
                "contains": "Jawaban tidak dikenali",
            },
            {
                "code": "future_date",
                "row": 4,
                "column": "tanggal",
                "value": "2099-01-01",
                "contains": "masa depan",
            },
            {"code": "impossible_date", "row": 5, "column": "tanggal", "value": "31/02/2025"},
            {"code": "impossible_date", "row": 6, "column": "tanggal", "value": "3/14/2025"},
            {
                "code": "unknown_unit",
                "row": 7,
                "column": "kode_unit",
                "value": "PKM-XYZ",
                "contains": "tidak terdaftar",
            },
            {"code": "no_answers", "row": 8},
            {"code": "required", "row": 9, "column": "tanggal"},
        ],
    },
    {
        "file": "pegawai_bad_nips.csv",
        "data": (
            b"NIP;Nama;Kode Unit\n"
            b"19850312201001100;Kurang Satu;PKM-BLW\n"
            b"1,98503E+17;Jadi Angka;PKM-BLW\n"
            b"198513122010011003;Bulan 13;PKM-BLW\n"
            b"198503122010013003;Gender Tiga;PKM-BLW\n"
            b"199203042016021001;Benar;PKM-BLW\n"
            b"199203042016021001;Ganda;PKM-BLW\n"
        ),
        "kind": "pegawai",
        "expect": [
            {
                "code": "nip_format",
                "row": 2,
                "column": "NIP",
                "value": "19850312201001100",
                "contains": "18 angka",
            },
            {"code": "nip_as_number", "row": 3, "column": "NIP", "contains": "sebagai angka"},
            {"code": "nip_birth_date", "row": 4, "column": "NIP"},
            {"code": "nip_gender", "row": 5, "column": "NIP"},
            {"code": "duplicate_row", "row": 7, "contains": "sama dengan baris 6"},
        ],
    },
    {
        "file": "layanan_bad_numbers.csv",
        "data": (
            "kode_unit;periode;jumlah_layanan;rata_waktu_hari;persen_tepat_waktu\n"
            "PKM-BLW;2025-06;banyak;2,5;90\n"
            "PKM-BLW;2025-07;1.240;2,5;120\n"
            "PKM-BLW;2025-13;10;1;50\n"
            "PKM-BLW;2025-08;12,5;1;50\n"
        ).encode("cp1252"),
        "kind": "layanan",
        "expect": [
            {
                "code": "not_a_number",
                "row": 2,
                "column": "jumlah_layanan",
                "value": "banyak",
                "contains": "Bukan angka",
            },
            {"code": "out_of_range", "row": 3, "column": "persen_tepat_waktu", "value": "120"},
            {"code": "not_a_period", "row": 4, "column": "periode", "value": "2025-13"},
            {"code": "not_whole", "row": 5, "column": "jumlah_layanan", "value": "12,5"},
        ],
    },
    {
        "file": "pengaduan_problems.csv",
        "data": (
            b"nomor,tanggal,kode_unit,kanal,kategori,isi,status,tanggal_selesai\n"
            b"LPR-1,2025-05-02,KEL-BLW1,LAPOR!,waktu,Antrian lama,selesai,2025-05-01\n"
            b"LPR-2,2025-05-03,KEL-BLW1,WhatsApp,perilaku,Petugas kasar,dibaca?,\n"
            b"LPR-1,2025-05-04,KEL-BLW1,LAPOR!,waktu,Antrian lama lagi,proses,\n"
            b"LPR-3,2025-05-04,KEL-BLW1,LAPOR!,waktu,,proses,\n"
        ),
        "kind": "pengaduan",
        "expect": [
            {
                "code": "end_before_start",
                "row": 2,
                "column": "tanggal_selesai",
                "contains": "sebelum tanggal mulai",
            },
            {
                "code": "not_a_choice",
                "row": 3,
                "column": "status",
                "value": "dibaca?",
                "contains": "belum, proses, selesai",
            },
            {"code": "duplicate_row", "row": 4, "contains": "baris 2"},
            {"code": "required", "row": 5, "column": "isi"},
        ],
    },
    {
        "file": "unit_cycle.csv",
        "data": (
            b"kode_unit,nama_unit,jenis_unit,induk\n"
            b"UPT-A,UPT A,upt,UPT-B\n"
            b"UPT-B,UPT B,upt,UPT-A\n"
            b"UPT-C,UPT C,upt,TIDAK-ADA\n"
            b"UPT/D,UPT D,upt,\n"
        ),
        "kind": "unit",
        "expect": [
            {"code": "parent_cycle", "row": 2, "column": "induk"},
            {"code": "parent_cycle", "row": 3, "column": "induk"},
            {"code": "unknown_parent", "row": 4, "column": "induk", "value": "TIDAK-ADA"},
            {"code": "code_slash", "row": 5, "column": "kode_unit"},
        ],
    },
    {
        "file": "kinerja_problems.csv",
        "data": (
            b"nip,periode,nilai,predikat\n"
            b"198503122010011003,2025-Q1,,\n"
            b"199203042016021001,2025-Q1,80,Baik\n"
            b"198503122010011003,2099,80,Baik\n"
            b"198503122010011003,2025-Q2,80,Hebat\n"
        ),
        "kind": "kinerja",
        "expect": [
            {"code": "score_or_rating", "row": 2, "column": "nilai", "contains": "isi salah satu"},
            {"code": "unknown_nip", "row": 3, "column": "nip", "contains": "tidak terdaftar"},
            {"code": "future_period", "row": 4, "column": "periode"},
            {"code": "not_a_choice", "row": 5, "column": "predikat", "value": "Hebat"},
        ],
    },
    {
        "file": "pelatihan_problems.csv",
        "data": (
            b"kode_pelatihan,nama_pelatihan,jenis_kompetensi,metode,tanggal_mulai,tanggal_selesai,jp,nip,nilai_pre,nilai_post\n"
            b"P1,Pelayanan Prima,teknis,bimtek,2025-03-10,2025-03-12,24,198503122010011003,60,80\n"
            b"P1,Pelayanan Prima,teknis,bimtek,2025-03-10,2025-03-12,32,199001012015032001,120,80\n"
            b"P2,Etika,manajerial,ngobrol santai,2025-04-10,2025-04-01,8,198503122010011003,50,70\n"
        ),
        "kind": "pelatihan",
        "expect": [
            {"code": "program_inconsistent", "row": 3, "column": "jp", "contains": "baris 2"},
            {"code": "out_of_range", "row": 3, "column": "nilai_pre", "value": "120"},
            {"code": "unknown_method", "row": 4, "column": "metode", "value": "ngobrol santai"},
            {"code": "end_before_start", "row": 4, "column": "tanggal_selesai"},
        ],
    },
    {
        "file": "pegawai_as_survey.csv",
        "data": b"nip,nama,kode_unit\n198503122010011003,Ahmad,PKM-BLW\n",
        "kind": "survei",
        "expect": [{"code": "wrong_kind", "contains": "'pegawai'"}],
    },
    {
        "file": "survey_title_rows.xlsx",
        "data": _xlsx(
            [
                ["Rekap SKM Puskesmas Belawan, Maret 2025"],
                [],
                ["Tanggal", "Kode Unit", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"],
                ["2025-03-01", "PKM-BLW", 4, 3, 4, 3, 4, 4, 3, 3, 3],
                [],
                ["2025-03-02", "PKM-BLW", 4, 3, 9, 3, 4, 4, 3, 3, 3],
            ]
        ),
        "kind": "survei",
        "expect": [{"code": "answer_off_scale", "row": 6, "column": "U3", "value": "9"}],
    },
    {
        "file": "pegawai_numeric_nip.xlsx",
        "data": _xlsx([["nip", "nama", "kode_unit"], [198503122010011003, "Ahmad", "PKM-BLW"]]),
        "kind": "pegawai",
        "expect": [{"code": "nip_as_number", "row": 2, "column": "nip", "contains": "Teks"}],
    },
]


def main() -> None:
    HERE.mkdir(exist_ok=True)
    expected = []
    for case in CASES:
        (HERE / case["file"]).write_bytes(case["data"])
        expected.append({k: v for k, v in case.items() if k != "data"})
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
