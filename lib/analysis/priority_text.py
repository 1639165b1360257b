"""Plain-language reasons and recommendations for a unit's priority, in the user's language."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.priority_score import recommended_themes
from lib.i18n import fmt_number, fmt_percent, translate


def _finite(value: object) -> bool:
    return isinstance(value, int | float | np.floating | np.integer) and bool(np.isfinite(value))


def reason_text(key: str, row: pd.Series, lang: str = "id") -> str:
    """One reason, with the unit's own figure in it."""
    values: dict[str, str] = {}
    if key == "ikm_low":
        values = {"ikm": fmt_number(row["ikm"], lang), "mutu": str(row.get("mutu") or "–")}
    elif key == "ikm_decline":
        values = {"change": fmt_number(abs(row["ikm_change"]), lang)}
    elif key == "complaint_rate":
        values = {"rate": fmt_number(row["rate_per_1000"], lang, 1)}
    elif key == "complaint_rise":
        values = {
            "now": fmt_number(row["complaints"], lang, 0),
            "before": fmt_number(row["complaints_prev"], lang, 0),
        }
    elif key == "late_service":
        values = {
            "pct": fmt_percent(row["pct_on_time"] / 100, lang, 0) if _finite(row["pct_on_time"]) else "–"
        }
    elif key == "low_performance":
        values = {"share": fmt_percent(row["skp_low_share"], lang, 0)}
    elif key == "jp_gap":
        values = {"share": fmt_percent(row["share_20jp"], lang, 0)}
    return translate(f"priority.reason.{key}", lang, **values)


def reasons_text(row: pd.Series, lang: str = "id", k: int = 3) -> str:
    """The ``k`` strongest reasons joined for a table cell."""
    return "; ".join(reason_text(key, row, lang) for key in list(row.get("reasons") or [])[:k])


def model_reasons_text(row: pd.Series, lang: str = "id") -> str:
    # Imported here: the model module loads scikit-learn, which pages showing reasons do not need.
    from lib.analysis.priority_model import top_model_reasons

    return ", ".join(translate(f"priority.model_reason.{f}", lang) for f in top_model_reasons(row))


def themes_text(row: pd.Series, lang: str = "id") -> str:
    return "; ".join(translate(theme, lang) for theme, _source in recommended_themes(row))
