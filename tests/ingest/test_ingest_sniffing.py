"""Delimiter and quoting detection from the file's structure (hand-written files, hand-checked answers)."""

from __future__ import annotations

import pytest

from lib.ingest.readers import read_table, sniff_csv


@pytest.mark.parametrize(
    ("text", "delimiter", "header_index", "headers"),
    [
        # Excel on an Indonesian Windows: semicolons, and a long comma-rich complaint in the first row
        (
            "nomor;tanggal;isi;status\n"
            "1;2025-01-02;Jalan rusak, berlubang, tergenang, gelap, licin, berbahaya, mohon segera;selesai\n"
            "2;2025-01-03;Antri lama, panas;belum\n",
            ";",
            0,
            ["nomor", "tanggal", "isi", "status"],
        ),
        # quoted fields holding the other delimiters and a line break
        (
            'id,keluhan,alamat\n1,"Baris satu\nbaris dua; tiga | empat",Jl. A\n2,"x, y",Jl. B\n',
            ",",
            0,
            ["id", "keluhan", "alamat"],
        ),
        ("a\tb\tc\n1\t2,5\t3\n4\t5;6\t7\n", "\t", 0, ["a", "b", "c"]),
        ("a|b|c\n1|x;y,z|3\n", "|", 0, ["a", "b", "c"]),
        # a title and a blank line above the header
        ("Rekap pengaduan 2025\n\nnomor;isi\n1;a, b, c, d\n", ";", 2, ["nomor", "isi"]),
        # Excel's "sep=" hint line
        ("sep=;\na;b\n1;2\n", ";", 1, ["a", "b"]),
    ],
)
def test_sniffer_finds_delimiter_and_header(
    text: str, delimiter: str, header_index: int, headers: list[str]
) -> None:
    assert sniff_csv(text) == (delimiter, header_index, headers)


def test_quoted_line_break_stays_in_its_cell_and_row_numbers_follow_records() -> None:
    table = read_table(b'id,keluhan\n1,"satu\ndua"\n2,tiga\n', "x.csv")
    assert table.frame["keluhan"].tolist() == ["satu\ndua", "tiga"]
    assert table.frame.index.tolist() == [2, 3]


def test_semicolon_file_with_comma_texts_reads_every_cell() -> None:
    data = (
        "Nomor;Isi\r\nA-1;Antrian panjang, petugas sedikit, ruang panas\r\nA-2;Café tutup, dll.\r\n".encode(
            "cp1252"
        )
    )
    table = read_table(data, "x.csv")
    assert table.delimiter == ";" and table.encoding == "cp1252"
    assert table.frame["Isi"].tolist() == [
        "Antrian panjang, petugas sedikit, ruang panas",
        "Café tutup, dll.",
    ]
