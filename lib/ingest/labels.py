"""Answer labels of the SKM questionnaire (PermenPANRB 14/2017) to scores 1–4, per unsur.

Google Forms exports carry the label the respondent ticked ("Sangat sesuai"),
not the number. Labels are matched per unsur because the same word scores
differently across unsur ("Cukup" is 2 for Sarana; Biaya is reversed).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype

from lib.ingest.values import Parsed, clean_text, normalise_token

#: Labels exactly as DOMAIN.md lists them, 1 → 4.
LABELS: dict[str, tuple[str, str, str, str]] = {
    "persyaratan": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "produk": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "prosedur": ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    "waktu": ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    "biaya": ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    "kompetensi": ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    "perilaku": (
        "Tidak sopan dan ramah",
        "Kurang sopan dan ramah",
        "Sopan dan ramah",
        "Sangat sopan dan ramah",
    ),
    "sarana": ("Buruk", "Cukup", "Baik", "Sangat baik"),
    "pengaduan": (
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ),
}

#: Spellings seen on printed questionnaires besides the canonical ones.
_VARIANTS: dict[str, dict[str, int]] = {
    "perilaku": {
        "tidak sopan dan tidak ramah": 1,
        "tidak sopan tidak ramah": 1,
        "kurang sopan dan kurang ramah": 2,
        "sopan ramah": 3,
        "sangat sopan ramah": 4,
    },
    "pengaduan": {
        "ada tapi tidak berfungsi": 2,
        "berfungsi kurang maksimal": 3,
        "berfungsi tapi kurang maksimal": 3,
        "dikelola baik": 4,
    },
    "biaya": {"mahal": 1, "tidak dipungut biaya": 4},
    "sarana": {"kurang": 2, "kurang baik": 2},
}


def _lookup(unsur: str) -> dict[str, int]:
    table = {normalise_token(label): score for score, label in enumerate(LABELS[unsur], start=1)}
    for label, score in _VARIANTS.get(unsur, {}).items():
        table[normalise_token(label)] = score
    return table


_LOOKUPS = {unsur: _lookup(unsur) for unsur in LABELS}
_OPTION_PREFIX = re.compile(r"^(?:[a-dA-D]|[1-4])\s*[.)-]\s+")
_NUMBER_SUFFIX = re.compile(r"\s*[(\[]?\s*([1-4])\s*[)\]]?$")


def answer_score(unsur: str, value: object) -> int | float | None:
    """Score of one cell: 1–4, None when blank, NaN when unreadable, or the number as given.

    A number outside 1–4 is returned as is so that the caller can tell an
    off-scale answer (a 1–5 questionnaire) from text it cannot read.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return float("nan")
    if isinstance(value, int | float | np.integer | np.floating):
        return None if np.isnan(value) else float(value)
    text = clean_text(value)
    if text is None:
        return None
    plain = text.replace(",", ".")
    try:
        return float(plain)
    except ValueError:
        pass
    table = _LOOKUPS[unsur]
    key = normalise_token(text)
    if key in table:
        return table[key]
    # "a. Sangat sesuai", "4 - Sangat sesuai", "Sangat sesuai (4)"
    stripped = normalise_token(_OPTION_PREFIX.sub("", text))
    if stripped in table:
        return table[stripped]
    if m := _NUMBER_SUFFIX.search(text):
        head = normalise_token(text[: m.start()])
        if head in table and table[head] == int(m.group(1)):
            return table[head]
    if m := re.match(r"^([1-4])\s*[.)-]\s+(.+)$", text):
        head = normalise_token(m.group(2))
        if head in table and table[head] == int(m.group(1)):
            return table[head]
    return float("nan")


def parse_answers(raw: pd.Series, unsur: str, scale: dict[str, int] | None = None) -> Parsed:
    """Answers of one unsur. Failure codes: ``not_an_answer`` (text), ``answer_off_scale``.

    ``scale`` maps the column's own labels (as :func:`clean_text` gives them) to
    1–4: the scale :mod:`lib.ingest.scales` recognised for the column, with the
    evaluator's corrections. Labels it lacks are read as the regulation's.
    """
    if is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(raw.dtype):
        values = raw.astype("float64")
        unreadable = pd.Series(False, index=raw.index)
    else:
        codes, uniques = pd.factorize(raw)
        scale = scale or {}

        def score(value: object) -> int | float | None:
            text = clean_text(value) if isinstance(value, str) else None
            if text is not None and text in scale:
                return scale[text]
            return answer_score(unsur, value)

        scores = [score(u) for u in uniques]
        as_float = np.array([np.nan if s is None else float(s) for s in scores] + [np.nan], dtype="float64")
        bad = np.array([s is not None and np.isnan(s) for s in scores] + [False], dtype=bool)
        take = np.where(codes >= 0, codes, len(uniques))
        values = pd.Series(as_float[take], index=raw.index)
        unreadable = pd.Series(bad[take], index=raw.index)
    parsed = Parsed(values)
    parsed.fail("not_an_answer", unreadable)
    parsed.fail("answer_off_scale", values.notna() & ~values.isin([1.0, 2.0, 3.0, 4.0]))
    return parsed
