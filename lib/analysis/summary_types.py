"""The leadership summary's shapes, without the analyses behind them (printed by :mod:`lib.text.summary`).

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
