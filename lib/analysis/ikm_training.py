"""From weak unsur to training themes ("What the evidence says a unit needs", DOMAIN.md).

The three unsur with the lowest NRR are where a unit loses most of its IKM;
each points at a kind of training (or, for facilities, at something training
cannot fix). Theme names live in the ``ikm`` message catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from lib.analysis.ikm_formula import grade_nrr
from lib.models import UNSUR

#: unsur → message key of the training theme it points to.
UNSUR_TRAINING_THEME: dict[str, str] = {
    "persyaratan": "ikm.theme.service_standard",
    "prosedur": "ikm.theme.service_standard",
    "waktu": "ikm.theme.process_digital",
    "biaya": "ikm.theme.integrity",
    "produk": "ikm.theme.service_standard",
    "kompetensi": "ikm.theme.technical",
    "perilaku": "ikm.theme.ethics_communication",
    "pengaduan": "ikm.theme.complaint_management",
    "sarana": "ikm.theme.facilities",
}


@dataclass(frozen=True)
class WeakUnsur:
    """One weak element: its NRR (1–4), its grade on the same bands, and the theme it points to."""

    unsur: str
    nrr: float
    mutu: str | None
    theme_key: str
    #: IKM points (25–100 scale) this unsur is short of a perfect 4.
    points_lost: float


def weakest_unsur(nrr: Mapping[str, float], k: int = 3, weight: float = 1 / 9) -> list[WeakUnsur]:
    """The ``k`` unsur with the lowest NRR, lowest first; ties keep the regulation's order.

    ``nrr`` maps unsur (or ``nrr_<unsur>``) to its NRR; unsur without answers
    are skipped. ``points_lost`` = (4 − NRR) × weight × 25: how much higher the
    IKM would be if that element alone were perfect.
    """
    values = []
    for order, name in enumerate(UNSUR):
        value = nrr.get(name, nrr.get(f"nrr_{name}"))
        if value is None or not np.isfinite(value):
            continue
        values.append((float(value), order, name))
    values.sort()
    return [
        WeakUnsur(
            unsur=name,
            nrr=value,
            mutu=grade_nrr(value),
            theme_key=UNSUR_TRAINING_THEME[name],
            points_lost=(4.0 - value) * weight * 25,
        )
        for value, _order, name in values[:k]
    ]
