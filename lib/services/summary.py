"""The leadership summary (Ringkasan): headline figures with their change, and findings in words.

Every figure is taken from the service that owns it (IKM, complaints, 20 JP,
learning effect, priorities), for the current range and the equal-length range
before it, so the home page and its PDF show exactly what the detail pages show.
Which changes may be shown, and the value types, are pure
(:mod:`lib.analysis.summary`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis import complaints as calc
from lib.analysis.complaint_overview import ComplaintOverview
from lib.analysis.summary import (
    MIN_RESPONDENTS_FOR_FINDING,
    Headline,
    Summary,
    comparable_headlines,
    share_within_standard,
    year_earlier,
)
from lib.analysis.training_learning import LearningResult, learning_effect
from lib.periods import previous_range
from lib.queries import complaints as cq
from lib.queries.coverage import data_coverage
from lib.queries.learning_hours import city_learning_hours, unit_learning_hours
from lib.queries.training import participations
from lib.queries.units import Scope
from lib.services.complaints import overview as complaint_overview
from lib.services.ikm import ikm_change, unit_ikm
from lib.services.priorities import scored_units_in_scope
from lib.text.summary import findings_text


def _pooled_learning(engine: Engine, scope: Scope, date_from: date, date_to: date) -> LearningResult | None:
    frame = participations(engine, scope=scope, date_from=date_from, date_to=date_to)
    if frame.empty:
        return None
    result = learning_effect(frame["pre_score"], frame["post_score"])
    return result if result.n >= 2 else None


def _flagged(
    engine: Engine, scope: Scope, date_from: date, date_to: date, evidence: pd.DataFrame | None
) -> pd.DataFrame:
    # Scored against the whole city, then cut to the scope: the same figures for every viewer.
    return scored_units_in_scope(
        engine=engine, scope=scope, date_from=date_from, date_to=date_to, evidence=evidence
    )


def complaint_headline(
    *, engine: Engine, scope: Scope, date_from: date, date_to: date
) -> tuple[int, float | None]:
    """Complaints received and the share answered within the standard, as the complaints overview
    computes them, without its trends and spike detection (for the previous period)."""
    counts = cq.complaint_counts(engine, scope, date_from, date_to, by=())
    received = int(counts["complaints"].sum()) if not counts.empty else 0
    as_of = min(date_to, date.today())
    pairs = cq.resolution_date_pairs(engine, scope, date_from, date_to, resolved_by=as_of)
    open_in_range = cq.open_complaint_dates(engine, scope, as_of, received_from=date_from)
    resolution = calc.resolution_summary(pairs, open_in_range, pd.Timestamp(as_of), by=())
    if resolution.empty or not resolution["judged"].iloc[0]:
        return received, None
    return received, 1.0 - float(resolution["share_late"].iloc[0])


def leadership_summary(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    lang: str = "id",
    complaints: ComplaintOverview | None = None,
    evidence: pd.DataFrame | None = None,
    evidence_before: pd.DataFrame | None = None,
) -> Summary:
    """Headline figures (now vs the previous equal-length range) and up to three findings.

    ``complaints`` is the complaints overview of the same scope and range when
    the caller already has it (the dashboard shares it with the complaints page);
    ``evidence``/``evidence_before`` the whole city's unit evidence of the range and of the
    previous one (stored by the priorities analysis), which is most of the work otherwise.
    """
    prev_from, prev_to = previous_range(date_from, date_to)
    ikm = ikm_change(engine=engine, scope=scope, date_from=date_from, date_to=date_to)
    complaints_now = complaints or complaint_overview(
        engine=engine, scope=scope, date_from=date_from, date_to=date_to
    )
    within_now, judged_now = share_within_standard(complaints_now)
    received_before, within_before = complaint_headline(
        engine=engine, scope=scope, date_from=prev_from, date_to=prev_to
    )
    jp_now = city_learning_hours(unit_learning_hours(engine, date_to.year, scope, as_of=date_to))
    # Last year up to the same day, so a year in progress is not compared with a whole one.
    jp_before = city_learning_hours(
        unit_learning_hours(engine, date_to.year - 1, scope, as_of=year_earlier(date_to))
    )
    learning = _pooled_learning(engine, scope, date_from, date_to)
    learning_before = _pooled_learning(engine, scope, prev_from, prev_to)
    scored = _flagged(engine, scope, date_from, date_to, evidence)
    scored_before = _flagged(engine, scope, prev_from, prev_to, evidence_before)

    headlines = [
        Headline("ikm", ikm.ikm_2dp, ikm.previous_2dp, ikm.responden, detail=ikm.mutu or ""),
        Headline(
            "complaints",
            float(complaints_now.totals.get("complaints", 0)),
            float(received_before),
            int(complaints_now.totals.get("complaints", 0)),
            higher_is_better=False,
        ),
        Headline("within_standard", within_now, within_before, judged_now),
        Headline("jp", jp_now["share_meeting"], jp_before["share_meeting"], int(jp_now["employees"])),
        Headline(
            "learning",
            None if learning is None else learning.mean_gain,
            None if learning_before is None else learning_before.mean_gain,
            0 if learning is None else learning.n,
        ),
        Headline(
            "flagged",
            float(scored["flagged"].sum()),
            float(scored_before["flagged"].sum()),
            int(scored["score"].notna().sum()),
            higher_is_better=False,
        ),
    ]
    headlines = comparable_headlines(
        headlines, data_coverage(engine), (date_from, date_to), (prev_from, prev_to)
    )
    summary = Summary(
        date_from=date_from,
        date_to=date_to,
        previous_from=prev_from,
        previous_to=prev_to,
        ikm=ikm,
        headlines=headlines,
        scored=scored,
        learning=learning,
        complaints=complaints_now,
    )
    summary.findings = findings(engine=engine, summary=summary, scope=scope, lang=lang)
    return summary


def findings(*, engine: Engine, summary: Summary, scope: Scope, lang: str = "id") -> list[str]:
    """Up to three sentences (:func:`lib.text.summary.findings_text`); reads the units' IKM they name."""
    units = unit_ikm(engine=engine, scope=scope, date_from=summary.date_from, date_to=summary.date_to)
    units = units[(units["responden"] >= MIN_RESPONDENTS_FOR_FINDING) & units["ikm"].notna()]
    return findings_text(summary=summary, units=units, lang=lang)
