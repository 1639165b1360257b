"""Personal data never reaches the screen: phone numbers, NIK/NIP and e-mail are masked."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.masking import mask_personal_data, mask_personal_data_series


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hubungi saya di 0812-3456-7890", "Hubungi saya di [telepon]"),
        ("wa +62 812 3456 7890 ya", "wa [telepon] ya"),
        ("no 6281234567890.", "no [telepon]."),
        ("telp (061) 4512345", "telp [telepon]"),
        ("kantor 061-4512345", "kantor [telepon]"),
        ("NIK saya 1271012345678901 belum jadi", "NIK saya [NIK] belum jadi"),
        ("NIK 1271 0123 4567 8901", "NIK [NIK]"),
        ("NIP 198507172010011002", "NIP [NIP]"),
        ("email budi.santoso@gmail.com atau b_s+1@mail.medan.go.id", "email [email] atau [email]"),
    ],
)
def test_personal_data_is_masked(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tgl 12-03-2025 bayar Rp 50.000",
        "diminta Rp 625.000.000 untuk izin",
        "antrian nomor 0045 jam 08.30",
        "sudah 3 minggu, tahun 2025",
        "biaya 150000 rupiah",
        "kode berkas 2024001234",
    ],
)
def test_dates_money_and_short_numbers_are_kept(text: str) -> None:
    assert mask_personal_data(text) == text


def test_non_strings_pass_through() -> None:
    assert mask_personal_data(None) is None  # type: ignore[arg-type]
    assert mask_personal_data("") == ""


def test_series_variant_matches_scalar_and_keeps_missing() -> None:
    texts = pd.Series(["hp 081234567890", None, "NIK 1271012345678901 / a@b.co", "tidak ada data pribadi"])
    masked = mask_personal_data_series(texts)
    assert masked.iloc[0] == mask_personal_data(texts.iloc[0]) == "hp [telepon]"
    assert pd.isna(masked.iloc[1])
    assert masked.iloc[2] == "NIK [NIK] / [email]"
    assert masked.iloc[3] == "tidak ada data pribadi"
    assert mask_personal_data_series(pd.Series([], dtype=object)).empty
