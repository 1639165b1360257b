"""The priority table a viewer sees: scored against the whole city, then cut to the viewer's scope.

(Reading the city's evidence and scoring it: :mod:`lib.services.priorities`.)

Scoring inside the viewer's scope would make a kelurahan's score depend on who
looks at it (a camat's scope has six units, leadership's the whole city). The
evidence is therefore always read for the whole city, scored once, and only
then filtered, so a manager sees exactly the figure leadership sees, and the
ranks are city ranks.
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd


class ScopeLike(Protocol):
    """What a scope is to this module (:class:`lib.queries.units.Scope` is one): a subtree and/or a wilayah."""

    @property
    def path_prefix(self) -> str | None: ...

    @property
    def region(self) -> str | None: ...


def in_scope(frame: pd.DataFrame, scope: ScopeLike) -> pd.DataFrame:
    """Rows of ``frame`` (with ``path`` and ``wilayah``) inside ``scope``, order kept."""
    keep = pd.Series(True, index=frame.index)
    if scope.path_prefix:
        keep &= frame["path"].astype(str).str.startswith(scope.path_prefix)
    if scope.region:
        keep &= frame["wilayah"] == scope.region
    return frame[keep]
