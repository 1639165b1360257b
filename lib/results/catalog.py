"""The modules that register analyses, imported by the worker before it looks for work.

Add a module here when it defines ``@analysis`` functions. ``TELAAH_ANALYSIS_MODULES``
(comma-separated) adds more at run time, which the tests use for their own analyses.
"""

from __future__ import annotations

ANALYSIS_MODULES: tuple[str, ...] = (
    "lib.services.complaint_themes",
    "lib.results.dashboard",
    "lib.results.training",
)

#: Analyses that write input data of other analyses as they run, when their module does not
#: say so itself (``@analysis(..., writes=…)``). The theme model stores predicted themes,
#: which every complaint figure reads: after an import it runs first, and the figures after it.
WRITES: dict[str, tuple[str, ...]] = {"complaints.theme_model": ("theme_predictions",)}
