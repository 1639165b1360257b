"""The audit log as shown: WIB times and details in words, never raw JSON or UTC stamps."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from lib.ui.audit import audit_frame, detail_text


def test_detail_text_labels_each_detail_in_the_readers_language() -> None:
    stored = '{"import_id": 1234, "kind": "survei", "file": "skm.csv"}'
    assert (
        detail_text(stored, "id")
        == "Impor nomor: 1.234 · Jenis data: Survei Kepuasan Masyarakat (SKM) · Berkas: skm.csv"
    )
    assert (
        detail_text({"removed_complaint": 3, "role": "admin"}, "en")
        == "Removed (Complaints): 3 · Role: Admin"
    )
    assert detail_text({"day": "2026-08-17", "odd": "x"}, "id") == "Tanggal: 17 Agu 2026 · odd: x"
    assert detail_text(None, "id") == "–"


def test_audit_frame_writes_times_on_the_citys_clock() -> None:
    log = pd.DataFrame(
        {
            "at": [datetime(2026, 11, 30, 4, 14, 42, tzinfo=UTC)],
            "username": [None],
            "action": ["sign_in"],
            "detail": ['{"method": "local"}'],
        }
    )
    shown = audit_frame(log, "id")
    assert shown.iloc[0].tolist()[0] == "30 Nov 2026 11.14 WIB"
    assert shown.iloc[0].tolist()[1] == "–"
    assert shown.iloc[0].tolist()[3] == "Cara masuk: kata sandi"
