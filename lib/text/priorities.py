"""Plain-language reasons and component figures for a unit's priority, in the user's language.

Every sentence carries the unit's own figure and the standard it is measured
against ("IKM 64,02 (D), 12,6 poin di bawah batas B (76,61)"), so a reader
can check it. Only components that are both far from the standard and
statistically clear become reasons (:func:`lib.analysis.priority_score.score_units`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from lib.analysis.priority_score import COMPONENT_KEYS, IKM_B_MIN, IKM_C_MIN, recommended_themes, rise_counts
from lib.i18n import fmt_number, fmt_percent, translate


def _finite(value: object) -> bool:
    return isinstance(value, int | float | np.floating | np.integer) and bool(np.isfinite(value))


def _num(value: object, lang: str, decimals: int = 2) -> str:
    return fmt_number(float(value), lang, decimals) if _finite(value) else "–"  # type: ignore[arg-type]


def _pct(value: object, lang: str, decimals: int = 0) -> str:
    return fmt_percent(float(value), lang, decimals) if _finite(value) else "–"  # type: ignore[arg-type]


def _kind(row: pd.Series, lang: str) -> str:
    kind = row.get("jenis_unit")
    return str(kind) if isinstance(kind, str) and kind else translate("priority.kind.unit", lang)


def reason_text(key: str, row: pd.Series, lang: str = "id") -> str:
    """One reason, with the unit's figure and the standard in it."""
    value, standard, gap = row.get(f"value_{key}"), row.get(f"standard_{key}"), row.get(f"gap_{key}")
    values: dict[str, str] = {}
    if key == "ikm_low":
        values = {
            "ikm": _num(value, lang),
            "mutu": str(row.get("mutu") or "–"),
            "gap": _num(gap, lang, 1),
            "b": _num(IKM_B_MIN, lang),
        }
        if row.get("mutu") == "D" and _finite(value):
            below_c = IKM_C_MIN - float(value)  # type: ignore[arg-type]
            values |= {"gap_c": _num(below_c, lang, 1), "c": _num(IKM_C_MIN, lang)}
            return translate("priority.reason.ikm_low_d", lang, **values)
    elif key == "ikm_decline":
        values = {
            "drop": _num(-float(value), lang, 1) if _finite(value) else "–",
            "before": _num(row.get("ikm_prev"), lang),
            "now": _num(row.get("ikm"), lang),
            "noise": _num(1.96 * float(row.get("se_ikm_decline", np.nan)), lang, 1),
        }
    elif key == "complaint_rate":
        ratio = (
            float(value) / float(standard) if _finite(value) and _finite(standard) and standard else np.nan
        )
        values = {
            "rate": _num(value, lang, 1),
            "ratio": _num(ratio, lang, 1),
            "reference": _num(standard, lang, 1),
            "kind": _kind(row, lang),
        }
    elif key == "complaint_rise":
        now, before = rise_counts(row.to_frame().T)
        values = {
            "ratio": _num(value, lang, 1),
            "before": _num(float(before.iloc[0]), lang, 0),
            "now": _num(float(now.iloc[0]), lang, 0),
        }
        per_service = _finite(row.get("services")) and _finite(row.get("services_prev"))
        if not per_service:
            return translate("priority.reason.complaint_rise_count", lang, **values)
    elif key == "late_answer":
        values = {
            "share": _pct(value, lang),
            "late": _num(row.get("late_answers"), lang, 0),
            "n": _num(row.get("judged"), lang, 0),
        }
    elif key == "late_service":
        values = {
            "pct": _pct(float(value) / 100, lang) if _finite(value) else "–",
            "gap": _num(gap, lang, 1),
            "reference": _pct(float(standard) / 100, lang) if _finite(standard) else "–",
            "kind": _kind(row, lang),
        }
    elif key == "low_performance":
        values = {"share": _pct(value, lang)}
    elif key == "jp_gap":
        staff = row.get("employees")
        below = float(value) * float(staff) if _finite(value) and _finite(staff) else np.nan
        values = {"share": _pct(value, lang), "below": _num(below, lang, 0), "n": _num(staff, lang, 0)}
    return translate(f"priority.reason.{key}", lang, **values)


def reasons_text(row: pd.Series, lang: str = "id", k: int = 3) -> str:
    """The ``k`` strongest reasons joined for a table cell."""
    return "; ".join(reason_text(key, row, lang) for key in list(row.get("reasons") or [])[:k])


def _value_text(key: str, value: object, lang: str) -> str:
    if not _finite(value):
        return "–"
    if key in ("ikm_low",):
        return _num(value, lang)
    if key == "ikm_decline":
        return ("+" if float(value) > 0 else "") + _num(value, lang)  # type: ignore[arg-type]
    if key == "complaint_rate":
        return _num(value, lang, 2)
    if key == "complaint_rise":
        return "×" + _num(value, lang, 2)
    if key == "late_service":
        return _pct(float(value) / 100, lang, 1)  # type: ignore[arg-type]
    return _pct(value, lang, 1)


def _uncertainty_text(key: str, row: pd.Series, lang: str) -> str:
    low, high = row.get(f"ci_low_{key}"), row.get(f"ci_high_{key}")
    if not (_finite(low) and _finite(high)):
        return "–"
    return f"{_value_text(key, low, lang)} – {_value_text(key, high, lang)}"


def standard_text(key: str, row: pd.Series, lang: str = "id") -> str:
    """What the component is measured against, in words with the figure."""
    standard = row.get(f"standard_{key}")
    if key == "complaint_rate":
        return translate("priority.standard.complaint_rate", lang, reference=_num(standard, lang, 2))
    if key == "late_service":
        reference = _pct(float(standard) / 100, lang, 1) if _finite(standard) else "–"
        return translate("priority.standard.late_service", lang, reference=reference)
    return translate(f"priority.standard.{key}", lang, b=_num(IKM_B_MIN, lang))


def component_rows(row: pd.Series, lang: str = "id") -> list[dict[str, object]]:
    """Per component, the figures of the profile card and the CLI: label, value, standard, 95 % CI,
    need (0–1), status (ok / thin / missing, translated) and whether it is a reason."""
    rows = []
    for key in COMPONENT_KEYS:
        status = row.get(f"status_{key}")
        need = row.get(f"need_{key}")
        rows.append(
            {
                "key": key,
                "label": translate(f"priority.component.{key}", lang),
                "value": _value_text(key, row.get(f"value_{key}"), lang),
                "standard": standard_text(key, row, lang),
                "ci": _uncertainty_text(key, row, lang),
                "need": float(need) if _finite(need) else None,
                "status": translate(f"priority.status.{status}", lang),
                "reason": bool(row.get(f"reason_{key}")),
            }
        )
    return rows


def missing_text(row: pd.Series, lang: str = "id") -> str:
    """What evidence a unit lacks, for the "data kurang" list."""
    parts = []
    for key in list(row.get("missing") or []):
        status = row.get(f"status_{key}")
        parts.append(
            translate(f"priority.component.{key}", lang)
            + " ("
            + translate(f"priority.status.{status}", lang)
            + ")"
        )
    return "; ".join(parts)


def basis_text(row: pd.Series, lang: str = "id") -> str:
    """Which families of evidence come from the roll-up of sub-units (empty when all are the unit's own)."""
    families = [
        translate(f"priority.family.{family}", lang)
        for family in ("survey", "complaints", "answers", "service", "staff")
        if row.get(f"basis_{family}") == "children"
    ]
    return translate("priority.basis.children", lang, families=", ".join(families)) if families else ""


def model_reasons_text(row: pd.Series, lang: str = "id") -> str:
    # Imported here: the model module loads scikit-learn, which pages showing reasons do not need.
    from lib.analysis.priority_model import top_model_reasons

    return ", ".join(translate(f"priority.model_reason.{f}", lang) for f in top_model_reasons(row))


def themes_text(row: pd.Series, lang: str = "id", theme_map: Mapping[str, str] | None = None) -> str:
    """The recommended training themes in words; ``theme_map`` is the city's complaint theme →
    training theme mapping (``training_theme_map``), the defaults when None."""
    return "; ".join(
        translate(theme, lang) for theme, _source in recommended_themes(row, theme_map=theme_map)
    )
