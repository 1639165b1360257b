"""Messages of the file limits (lib.ingest.limits) and of refused client requests."""

from __future__ import annotations


def _m(id_text: str, en_text: str) -> dict[str, str]:
    return {"id": id_text, "en": en_text}


_SPLIT_ID = "Pecah berkas menjadi beberapa bagian, atau simpan ulang hanya tabel datanya."
_SPLIT_EN = "Split the file, or save only the data table again."
_LAST_CELL_ID = (
    "Hapus sel di luar tabel (di Excel, Ctrl+End menunjukkan sel terakhir), simpan ulang, atau pecah berkas."
)
_LAST_CELL_EN = (
    "Delete cells outside the table (in Excel, Ctrl+End shows the last cell), save again, or split the file."
)

MESSAGES: dict[str, dict[str, str]] = {
    "ingest.problem.control_character": _m(
        "Teks berisi karakter kendali (mis. NUL) yang tidak bisa disimpan.",
        "The text holds control characters (e.g. NUL) that cannot be stored.",
    ),
    "ingest.expected.control_character": _m(
        "Teks biasa; simpan berkas sebagai CSV UTF-8 atau XLSX.",
        "Plain text; save the file as UTF-8 CSV or XLSX.",
    ),
    "ingest.problem.over_limit_rows": _m(
        "Lembar kerja punya sel sampai baris {found}; paling banyak {limit} baris yang dibaca.",
        "The sheet has cells down to row {found}; at most {limit} rows are read.",
    ),
    "ingest.expected.over_limit_rows": _m(_LAST_CELL_ID, _LAST_CELL_EN),
    "ingest.problem.over_limit_columns": _m(
        "Tabel punya sel sampai kolom ke-{found}; paling banyak {limit} kolom yang dibaca.",
        "The table has cells out to column {found}; at most {limit} columns are read.",
    ),
    "ingest.expected.over_limit_columns": _m(_LAST_CELL_ID, _LAST_CELL_EN),
    "ingest.problem.over_limit_cells": _m(
        "Tabel dari sel pertama sampai sel terakhir memuat {found} sel; paling banyak {limit} sel yang dibaca.",
        "The table from the first to the last cell holds {found} cells; at most {limit} cells are read.",
    ),
    "ingest.expected.over_limit_cells": _m(_LAST_CELL_ID, _LAST_CELL_EN),
    "ingest.problem.over_limit_size": _m(
        "Isi berkas setelah dibuka (dekompresi) lebih dari {limit} MB; berkas ditolak tanpa dibaca.",
        "The file's content when unpacked is more than {limit} MB; it is refused without being read.",
    ),
    "ingest.expected.over_limit_size": _m(_SPLIT_ID, _SPLIT_EN),
    "ingest.problem.over_limit_members": _m(
        "Arsip berisi {found} bagian; lembar kerja biasa berisi puluhan (paling banyak {limit}).",
        "The archive holds {found} parts; an ordinary workbook holds tens (at most {limit}).",
    ),
    "ingest.expected.over_limit_members": _m(
        "Buka di Excel lalu simpan ulang sebagai .xlsx, atau simpan sebagai CSV.",
        "Open it in Excel and save again as .xlsx, or save as CSV.",
    ),
    "ingest.problem.over_limit_lines": _m(
        "Berkas punya lebih dari {limit} baris.", "The file has more than {limit} lines."
    ),
    "ingest.expected.over_limit_lines": _m(_SPLIT_ID, _SPLIT_EN),
    "ingest.problem.over_limit_line": _m(
        "Satu baris berkas lebih panjang dari {limit} MB (berkas tanpa pemisah baris?).",
        "One line of the file is longer than {limit} MB (a file without line breaks?).",
    ),
    "ingest.expected.over_limit_line": _m(
        "Satu baris per data, dengan judul kolom di baris pertama.",
        "One line per record, with the header on the first line.",
    ),
}
