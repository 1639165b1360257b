"""The leadership summary's shapes and how its figures are printed, without the analyses behind them.

Why a module of its own: the home page shows a stored summary (``lib.results``), and
unpickling it imports the module its classes live in. Kept here, away from the
statistics that compute it, opening the home page after a restart does not load
scipy and statsmodels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from lib.i18n import fmt_number, fmt_percent

if TYPE_CHECKING:
    from lib.analysis.complaint_overview import ComplaintOverview
    from lib.analysis.ikm import IkmChange
    from lib.analysis.training_learning import LearningResult


@dataclass(frozen=True)
class Headline:
    """One headline figure: its value now, before, the change, and what it rests on (n)."""

    key: str
    value: float | None
    previous: float | None
    n: int
    #: extra text shown under the value, e.g. the grade
    detail: str = ""
    #: True when a rise is good news (IKM), False when it is bad (complaints, flagged units)
    higher_is_better: bool = True

    @property
    def delta(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        if not (np.isfinite(self.value) and np.isfinite(self.previous)):
            return None
        return self.value - self.previous


@dataclass
class Summary:
    date_from: date
    date_to: date
    previous_from: date
    previous_to: date
    ikm: IkmChange
    headlines: list[Headline]
    scored: pd.DataFrame
    learning: LearningResult | None
    complaints: ComplaintOverview
    findings: list[str] = field(default_factory=list)


def headline_value(headline: Headline, lang: str) -> str:
    """A headline figure as printed: IKM with 2 decimals, shares as %, counts whole."""
    value = headline.value
    if value is None:
        return "–"
    if headline.key in ("within_standard", "jp"):
        return fmt_percent(value, lang, 0)
    if headline.key == "ikm":
        return (
            f"{fmt_number(value, lang)} ({headline.detail})" if headline.detail else fmt_number(value, lang)
        )
    if headline.key == "learning":
        return ("+" if value > 0 else "") + fmt_number(value, lang, 1)
    return fmt_number(value, lang, 0)


def headline_delta(headline: Headline, lang: str) -> str:
    """The change against the previous period, signed, in the figure's own unit."""
    delta = headline.delta
    if delta is None:
        return "–"
    sign = "+" if delta > 0 else ""
    if headline.key in ("within_standard", "jp"):
        return f"{sign}{fmt_number(delta * 100, lang, 1)} pp"
    decimals = 2 if headline.key == "ikm" else (1 if headline.key == "learning" else 0)
    return f"{sign}{fmt_number(delta, lang, decimals)}"
