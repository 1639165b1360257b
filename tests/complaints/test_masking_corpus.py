"""Masking on text as complaint channels really export it: every case written and checked by hand.

The texts imitate LAPOR! and city "aduan" exports (no real person's data): line
breaks real and escaped, numbers glued to words, +62 numbers, separators, and
the numbers that must stay (dates, money, queue numbers, RT/RW, years).
"""

from __future__ import annotations

import pandas as pd
import pytest

from lib.masking import mask_personal_data, mask_personal_data_series

CORPUS: list[tuple[str, str]] = [
    # escaped line breaks, as in JSON-ish exports
    ("Mohon ditindaklanjuti.\\nHubungi saya 081234567890", "Mohon ditindaklanjuti.\\nHubungi saya [telepon]"),
    (
        "Pelapor: Bapak A\\nNIK: 1271031208850003\\nAlamat: Jl. Mawar",
        "Pelapor: Bapak A\\nNIK: [NIK]\\nAlamat: Jl. Mawar",
    ),
    ("kontak\\n0812-3456-7890\\nterima kasih", "kontak\\n[telepon]\\nterima kasih"),
    ("No HP:\\n+6281234567890", "No HP:\\n[telepon]"),
    ("WA\\n6281234567890", "WA\\n[telepon]"),
    ("Kontak:\\r\\n081298765432", "Kontak:\\r\\n[telepon]"),
    ("NIK\\n1271 0312 0885 0003", "NIK\\n[NIK]"),
    # real line breaks
    (
        "Nama saya Ibu B\nHP 0813 9876 5432\nRumah di Belawan",
        "Nama saya Ibu B\nHP [telepon]\nRumah di Belawan",
    ),
    ("NIK\n1271031208850003", "NIK\n[NIK]"),
    # numbers glued to words
    ("NIK1271031208850003 atas nama ibu saya", "NIK[NIK] atas nama ibu saya"),
    ("nik:1271031208850003", "nik:[NIK]"),
    ("hp08123456789 tolong dihubungi", "hp[telepon] tolong dihubungi"),
    ("WA:082112345678", "WA:[telepon]"),
    ("Telp/WA0852-1111-2222", "Telp/WA[telepon]"),
    ("NIP198503122010011003 petugas loket", "NIP[NIP] petugas loket"),
    ("petugas dengan NIP 19850312 201001 1 003 tidak ramah", "petugas dengan NIP [NIP] tidak ramah"),
    # +62 forms and separators
    ("hubungi +62 812-3456-7890", "hubungi [telepon]"),
    ("hubungi +62 812 3456 7890 (WA)", "hubungi [telepon] (WA)"),
    ("hubungi 62-812-3456-7890", "hubungi [telepon]"),
    ("no. 0812.3456.7890", "no. [telepon]"),
    ("telp 0812\u00a03456\u00a07890", "telp [telepon]"),
    ("kantor (061) 4512345 tidak diangkat", "kantor [telepon] tidak diangkat"),
    ("kantor 061-4512345 tidak diangkat", "kantor [telepon] tidak diangkat"),
    ("NIK 1271.0312.0885.0003", "NIK [NIK]"),
    ("NIK 1271-0312-0885-0003", "NIK [NIK]"),
    ("email saya warga.belawan@gmail.com atau 081234567890", "email saya [email] atau [telepon]"),
    # several in one text, separated by ; , |
    ("081234567890;081298765432", "[telepon];[telepon]"),
    ("HP: 081234567890, NIK: 1271031208850003 | terima kasih", "HP: [telepon], NIK: [NIK] | terima kasih"),
    # what must stay
    ("Tanggal 01-03-2025 saya datang jam 08.15", "Tanggal 01-03-2025 saya datang jam 08.15"),
    ("tgl 05.03.2025 antri sampai 12.30", "tgl 05.03.2025 antri sampai 12.30"),
    ("dimintai Rp 1.250.000 untuk surat", "dimintai Rp 1.250.000 untuk surat"),
    ("dimintai Rp62500000 oleh oknum", "dimintai Rp62500000 oleh oknum"),
    ("nomor antrian 0123 dipanggil setelah 3 jam", "nomor antrian 0123 dipanggil setelah 3 jam"),
    ("RT 005 RW 003 Kelurahan Belawan I", "RT 005 RW 003 Kelurahan Belawan I"),
    ("sejak tahun 2019 jalan rusak", "sejak tahun 2019 jalan rusak"),
    ("nomor laporan LAPOR-2025-000123", "nomor laporan LAPOR-2025-000123"),
]


@pytest.mark.parametrize(("text", "expected"), CORPUS, ids=[str(i) for i in range(len(CORPUS))])
def test_masking_holds_on_exported_text(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


def test_series_masking_agrees_with_the_single_text_version() -> None:
    texts = pd.Series([t for t, _ in CORPUS] + [None])
    masked = mask_personal_data_series(texts)
    assert masked.iloc[:-1].tolist() == [e for _, e in CORPUS]
    assert pd.isna(masked.iloc[-1])


def test_no_digit_run_of_a_phone_or_nik_survives_in_the_corpus() -> None:
    import re

    # the first 28 cases each hold personal numbers: after masking no run of 8+ digits is left
    for text, _ in CORPUS[:28]:
        masked = mask_personal_data(text)
        assert not re.search(r"\d{8,}", re.sub(r"[ .\-\u00a0]", "", masked)), (text, masked)
