"""Fixtures of the complaints tests: a small hand-made city whose figures are checked by hand."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from tests.complaints.complaint_factory import add_complaints, add_monthly_services, add_units

D = date.fromisoformat


@pytest.fixture
def small_city(engine: Engine) -> dict[str, int]:
    """Kecamatan A (KEL-A1, KEL-A2) and B (KEL-B1), eight complaints, services for KEL-A1 in March-April 2025.

    2025-03-03, 03-10, 03-17 and 03-31 are Mondays. KEL-A1: P1, P2 answered in 5 working
    days, P3 in 1, P5 (04-02 → 04-20) in 13; P4 (03-17) still open.
    """
    ids = add_units(engine, ["KEL-A1", "KEL-A2"], parent="KEC-A", region="Medan A")
    ids |= add_units(engine, ["KEL-B1"], parent="KEC-B", region="Medan B")
    a1, a2, b1 = ids["KEL-A1"], ids["KEL-A2"], ids["KEL-B1"]
    rows = [
        # number, date, unit, channel, category, predicted, status, resolved
        ("P1", "2025-03-03", a1, "LAPOR!", "waktu", None, "selesai", "2025-03-10"),
        ("P2", "2025-03-03", a1, "LAPOR!", "waktu", None, "selesai", "2025-03-10"),
        ("P3", "2025-03-07", a1, "WhatsApp", None, "perilaku", "selesai", "2025-03-10"),
        ("P4", "2025-03-17", a1, "WhatsApp", None, None, "proses", None),
        ("P5", "2025-04-02", a1, "langsung", "biaya", None, "selesai", "2025-04-20"),
        ("P6", "2025-03-20", a2, "LAPOR!", "perilaku", None, "belum", None),
        ("P7", "2025-03-21", b1, "LAPOR!", "sarana", None, "selesai", None),
        ("P8", "2025-02-10", b1, "telepon", "waktu", None, "selesai", "2025-03-05"),
    ]
    add_complaints(
        engine,
        [
            {
                "number": n,
                "complaint_date": D(d),
                "unit_id": u,
                "channel": ch,
                "category": cat,
                "predicted_category": pred,
                "predicted_confidence": 0.8 if pred else None,
                "text": f"isi pengaduan {n}, hub 081234567890",
                "status": st,
                "resolved_date": D(r) if r else None,
            }
            for n, d, u, ch, cat, pred, st, r in rows
        ],
    )
    add_monthly_services(engine, a1, [D("2025-03-01"), D("2025-04-01")], 400)
    return ids
