"""An analysis that writes another's input (as the theme model writes predicted themes), and one
that reads it: registered only by ``test_job_order``."""

from __future__ import annotations

from sqlalchemy import Engine

from lib.results import analysis, mark_changed

CALLS: list[str] = []


@analysis(
    "order.predict",
    sources=("complaint",),
    writes=("theme_predictions",),
    standard_params=lambda _e: [{}],
)
def predict(engine: Engine) -> int:
    CALLS.append("predict")
    with engine.begin() as conn:
        mark_changed(conn, "theme_predictions")
    return len(CALLS)


@analysis(
    "order.themes_per_unit", sources=("complaint", "theme_predictions"), standard_params=lambda _e: [{}]
)
def themes_per_unit(_engine: Engine) -> int:
    CALLS.append("themes_per_unit")
    return len(CALLS)
