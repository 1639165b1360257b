"""Writes the real-world corpus (tests/ingest/corpus/real/): files shaped like what evaluators receive.

Imitations, with invented people and numbers, of: Google Forms SKM exports with
one answer scale for all nine questions (and 5-level or mixed ones that must be
refused), Excel's semicolon CSV on an Indonesian Windows (cp1252, comma-rich
texts), tab and pipe exports, a city complaint-channel export (``id, keluhan,
alamat, tanggal_keluhan, tanggal_ditanggapi, instansi, topik``) with line breaks,
times of day, double submissions and a few impossible rows, and a SP4N-LAPOR!
export as XLSX. ``expected.json`` says for each file whether it imports, how
many rows are stored, and which problems (code, row, column) must be reported.

Run ``python -m tests.ingest.make_real_corpus`` after changing a case.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent / "corpus" / "real"

QUESTIONS = (
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
)
#: the regulation's labels per question, in QUESTIONS order (1 → 4)
OFFICIAL = (
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ("Buruk", "Cukup", "Baik", "Sangat baik"),
)
SESUAI = ("Tidak Sesuai", "Kurang Sesuai", "Sesuai", "Sangat Sesuai")
NUMBERED_BAIK = ("1. Tidak Baik", "2. Kurang Baik", "3. Baik", "4. Sangat Baik")
PUAS5 = ("Sangat Tidak Puas", "Tidak Puas", "Cukup Puas", "Puas", "Sangat Puas")


def survey_scores(n: int = 29, levels: int = 4) -> list[list[int]]:
    """n respondents × 9 answers (1–levels), fixed, with every score used in every column."""
    return [[1 + (3 * i + 5 * j + (i * j) % 3) % levels for j in range(9)] for i in range(n)]


def _csv_line(cells: list[object], sep: str = ",") -> str:
    out = []
    for cell in cells:
        text = "" if cell is None else str(cell)
        if any(ch in text for ch in (sep, '"', "\n", "\r")):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return sep.join(out)


def _gforms(labels_for, n: int = 29, levels: int = 4) -> bytes:  # type: ignore[no-untyped-def]
    header = ["Timestamp", "Jenis Kelamin", "Usia", *QUESTIONS, "Kritik dan saran"]
    lines = [_csv_line(header)]
    for i, scores in enumerate(survey_scores(n, levels)):
        when = f"2025/03/{1 + i % 28:02d} {9 + i % 8}:{i % 60:02d}:{(7 * i) % 60:02d} AM GMT+7"
        answers = [labels_for(j)[s - 1] for j, s in enumerate(scores)]
        lines.append(
            _csv_line(
                [
                    when,
                    "Perempuan" if i % 2 else "Laki-laki",
                    20 + i,
                    *answers,
                    "Antrian, tolong ditertibkan" if i == 3 else "",
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def _aduan_export() -> bytes:
    """A city "aduan" export: 14 rows, 2 double submissions, 2 impossible rows, line breaks, times."""
    header = ["id", "keluhan", "alamat", "tanggal_keluhan", "tanggal_ditanggapi", "instansi", "topik"]
    rows = [
        [
            50101,
            "Jalan di depan sekolah berlubang,\nsudah tiga bulan belum diperbaiki.",
            "Jl. Mawar No. 3",
            "2025-04-01 08:15:00",
            "2025-04-01 16:40:00",
            "Dinas Kesehatan",
            "Infrastruktur",
        ],
        [
            50102,
            "Antrian di puskesmas lama sekali, dari jam 7 sampai jam 11.",
            "Jl. Melati",
            "2025-04-01 09:02:11",
            "2025-04-01 13:02:11",
            "Puskesmas Belawan",
            "Pelayanan Kesehatan",
        ],
        [
            50103,
            "Antrian di puskesmas lama sekali, dari jam 7 sampai jam 11.",
            "Jl. Melati",
            "2025-04-01 09:03:40",
            "2025-04-01 13:05:00",
            "Puskesmas Belawan",
            "Pelayanan Kesehatan",
        ],
        [
            50104,
            "Petugas kelurahan meminta uang untuk surat pindah; saya keberatan.\nMohon ditindak.",
            "Belawan I",
            "2025-04-02 10:00:00",
            "",
            "Kelurahan Belawan I",
            "Pungutan Liar",
        ],
        [
            50105,
            "Lampu jalan mati di gang 5.",
            "Gg. 5",
            "2025-04-02 19:45:00",
            "2025-04-03 08:10:00",
            "Kecamatan Medan Belawan",
            "Penerangan Jalan",
        ],
        [
            50106,
            "Obat di apotek puskesmas sering kosong.",
            "Jl. Kenanga",
            "2025-04-03 07:30:00",
            "2025-04-03 07:10:00",
            "Puskesmas Belawan",
            "Pelayanan Kesehatan",
        ],
        [
            50107,
            "Sampah menumpuk di pasar, bau sampai ke rumah warga.",
            "Pasar Belawan",
            "2025-04-03 11:00:00",
            "2025-04-04 09:00:00",
            "Dinas Pariwisata",
            "Kebersihan",
        ],
        [
            50108,
            "Pelayanan KTP lambat, sudah dua minggu belum jadi.",
            "Jl. Anggrek",
            "2025-04-04 08:00:00",
            "2025-04-04 10:30:00",
            "Kecamatan Medan Belawan",
            "Administrasi Kependudukan",
        ],
        [
            50109,
            "Dokter datang terlambat, pasien menunggu lama.",
            "Jl. Melati",
            "2025-04-04 08:20:00",
            "2025-04-04 15:00:00",
            "Puskesmas Belawan",
            "Pelayanan Kesehatan",
        ],
        [
            50110,
            "Drainase tersumbat, air masuk rumah saat hujan.",
            "Jl. Cempaka",
            "2025-04-05 06:50:00",
            "",
            "Kecamatan Medan Belawan",
            "Banjir",
        ],
        [
            50111,
            "Drainase tersumbat, air masuk rumah saat hujan.",
            "Jl. Cempaka",
            "2025-04-05 06:51:30",
            "",
            "Kecamatan Medan Belawan",
            "Banjir",
        ],
        [
            50112,
            "Terima kasih, pengurusan akta cepat.",
            "Jl. Dahlia",
            "2025-04-07 09:00:00",
            "2025-04-07 09:45:00",
            "Kelurahan Belawan I",
            "Apresiasi",
        ],
        [
            50113,
            "Loket tutup sebelum jam kerja berakhir.",
            "Jl. Mawar",
            "2025-04-07 14:10:00",
            "2025-04-08 08:30:00",
            "kelurahan belawan i",
            "Pelayanan Publik",
        ],
        [
            50114,
            "Jalan rusak di depan kantor camat.",
            "Jl. Raya",
            "2025-04-08 09:00:00",
            "2025-04-08 17:00:00",
            "KEC-MBLW",
            "Infrastruktur",
        ],
    ]
    lines = [_csv_line(header)] + [_csv_line(r) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def _excel_semicolon() -> bytes:
    """Excel 'CSV (dipisahkan titik koma)' on an Indonesian Windows: cp1252, semicolons, comma-rich texts."""
    header = ["Nomor", "Tanggal", "Kode Unit", "Kanal", "Isi", "Status", "Tanggal Selesai"]
    rows = [
        [
            "ADU-001",
            "03/03/2025",
            "PKM-BLW",
            "WhatsApp",
            "Antrian panjang, petugas sedikit, ruang tunggu panas, mohon ditambah kipas.",
            "selesai",
            "05/03/2025",
        ],
        [
            "ADU-002",
            "04/03/2025",
            "KEL-BLW1",
            "langsung",
            "Surat keterangan domisili, katanya 1 hari, ternyata 5 hari; biaya Rp 10.000, tanpa kuitansi.",
            "proses",
            "",
        ],
        [
            "ADU-003",
            "05/03/2025",
            "PKM-BLW",
            "telepon",
            "Petugas ramah, tapi obat habis, disuruh beli di luar, harga mahal.",
            "belum",
            "",
        ],
        [
            "ADU-004",
            "06/03/2025",
            "KEC-MBLW",
            "email",
            "Café di depan kantor camat parkir sembarangan, jalan macet, dll.",
            "selesai",
            "10/03/2025",
        ],
    ]
    lines = [_csv_line(header, ";")] + [_csv_line(r, ";") for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _tab_survey() -> bytes:
    header = ["tanggal", "kode_unit", *(f"U{i}" for i in range(1, 10)), "saran"]
    rows = [
        ["2025-02-03", "PKM-BLW", 4, 3, 3, 4, 3, 4, 4, 3, 3, "Ruang tunggu, toilet; perlu dibersihkan"],
        ["2025-02-04", "PKM-BLW", 3, 3, 2, 4, 3, 3, 4, 2, 3, ""],
        ["2025-02-05", "KEL-BLW1", 4, 4, 4, 4, 4, 4, 4, 4, 4, "Mantap | terima kasih"],
    ]
    return ("\n".join(_csv_line(r, "\t") for r in [header, *rows]) + "\n").encode("utf-8")


def _pipe_complaints() -> bytes:
    header = ["nomor", "tanggal", "kode_unit", "isi", "status"]
    rows = [
        ["P-1", "2025-01-10", "PKM-BLW", 'Antri lama; "nomor" dipanggil acak, tidak urut', "selesai"],
        [
            "P-2",
            "2025-01-11",
            "KEL-BLW1",
            "Berkas hilang, harus ulang dari awal,\nsangat merepotkan",
            "proses",
        ],
    ]
    return ("\n".join(_csv_line(r, "|") for r in [header, *rows]) + "\n").encode("utf-8")


def _lapor_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Laporan"
    sheet.append(["Rekap Laporan SP4N-LAPOR! Kota — Triwulan I 2025"])
    sheet.append([])
    sheet.append(
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
        ]
    )
    sheet.append(
        [
            "8123401",
            "Pungli KTP",
            "Diminta biaya untuk KTP-el di kelurahan.\nPadahal gratis.",
            "Administrasi Kependudukan",
            "Kelurahan Belawan I",
            "Selesai",
            "2025-01-15 10:12",
            "2025-01-20 09:00",
            "Website",
        ]
    )
    sheet.append(
        [
            "8123402",
            "Antrian",
            "Antrian poli umum sangat panjang.",
            "Kesehatan",
            "Puskesmas Belawan",
            "Proses",
            "2025-02-01 08:05",
            None,
            "Android",
        ]
    )
    sheet.append(
        [
            "8123403",
            "Jalan",
            "Jalan rusak di lingkungan 3.",
            "Infrastruktur",
            "Kecamatan Medan Belawan",
            "Belum Terverifikasi",
            "2025-02-10 16:40",
            None,
            "SMS",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _corrected_pair() -> tuple[bytes, bytes]:
    header = (
        "tanggal,kode_unit,persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana\n"
    )
    first = [
        "2025-05-02,PKM-BLW,4,3,3,4,3,4,4,3,3",
        "2025-05-02,PKM-BLW,4,3,7,4,3,4,4,3,3",
        "2025-05-03,PKM-BLW,3,3,3,3,3,3,3,3,3",
        "2025-05-03,PKM-BLW,2,2,2,4,2,3,3,2,2",
    ]
    second = [line.replace(",7,", ",2,") for line in first] + ["2025-05-04,PKM-BLW,4,4,4,4,4,4,4,4,4"]
    return (header + "\n".join(first) + "\n").encode(), (header + "\n".join(second) + "\n").encode()


def cases() -> list[dict]:
    first, second = _corrected_pair()
    return [
        {
            "file": "gforms_sesuai_single_scale.csv",
            "data": _gforms(lambda _j: SESUAI),
            "kind": "survei",
            "options": {"unit_code": "PKM-BLW"},
            "imports": True,
            "stored": 29,
            "expect": [],
        },
        {
            "file": "gforms_official_labels.csv",
            "data": _gforms(lambda j: OFFICIAL[j]),
            "kind": "survei",
            "options": {"unit_code": "PKM-BLW"},
            "imports": True,
            "stored": 29,
            "expect": [],
        },
        {
            "file": "gforms_numbered_baik.csv",
            "data": _gforms(lambda _j: NUMBERED_BAIK),
            "kind": "survei",
            "options": {"unit_code": "PKM-BLW"},
            "imports": True,
            "stored": 29,
            "expect": [],
        },
        {
            "file": "gforms_puas_5_levels.csv",
            "data": _gforms(lambda _j: PUAS5, n=25, levels=5),
            "kind": "survei",
            "options": {"unit_code": "PKM-BLW"},
            "imports": False,
            "stored": 0,
            "expect": [{"code": "scale_5_levels", "column": QUESTIONS[0], "contains": "5 tingkat"}],
            "max_problems": 1,
        },
        {
            "file": "gforms_mixed_scales.csv",
            "data": _gforms(
                lambda j: ("Tidak Puas", "Kurang Sesuai", "Puas", "Sangat Sesuai") if j == 2 else SESUAI
            ),
            "kind": "survei",
            "options": {"unit_code": "PKM-BLW"},
            "imports": False,
            "stored": 0,
            "expect": [{"code": "scale_mixed", "column": QUESTIONS[2], "contains": "mencampur"}],
            "max_problems": 1,
        },
        {
            "file": "excel_semicolon_cp1252.csv",
            "data": _excel_semicolon(),
            "kind": "pengaduan",
            "imports": True,
            "stored": 4,
            "expect": [],
        },
        {
            "file": "tab_separated_survey.tsv",
            "data": _tab_survey(),
            "kind": "survei",
            "imports": True,
            "stored": 3,
            "expect": [],
        },
        {
            "file": "pipe_separated_complaints.csv",
            "data": _pipe_complaints(),
            "kind": "pengaduan",
            "imports": True,
            "stored": 2,
            "expect": [],
        },
        {
            "file": "city_aduan_export.csv",
            "data": _aduan_export(),
            "kind": "pengaduan",
            "options": {"skip_invalid": True},
            "imports": True,
            "stored": 12,
            "expect": [
                {"code": "end_before_start", "row": 7, "column": "tanggal_ditanggapi"},
                {"code": "unknown_unit", "row": 8, "column": "instansi"},
                {"code": "likely_duplicate", "row": 4},
                {"code": "likely_duplicate", "row": 12},
            ],
        },
        {
            "file": "city_aduan_export_no_doubles.csv",
            "data": _aduan_export(),
            "kind": "pengaduan",
            "options": {"skip_invalid": True, "skip_duplicates": True},
            "imports": True,
            "stored": 10,
            "expect": [
                {"code": "likely_duplicate_left_out", "row": 4},
                {"code": "likely_duplicate_left_out", "row": 12},
            ],
        },
        {
            "file": "lapor_export.xlsx",
            "data": _lapor_xlsx(),
            "kind": "pengaduan",
            "imports": True,
            "stored": 3,
            "expect": [],
        },
        {"file": "survey_v1.csv", "data": first, "kind": "survei", "skip": True},
        {"file": "survey_v2_corrected.csv", "data": second, "kind": "survei", "skip": True},
    ]


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    expected = []
    for case in cases():
        (HERE / case["file"]).write_bytes(case.pop("data"))
        if not case.pop("skip", False):
            expected.append(case)
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
