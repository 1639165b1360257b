"""The demo city: a realistic, reproducible Kota Medan with planted effects.

``build_demo`` fills a migrated database; ``planted_effects`` tells tests what
was planted (analyses must never use it). See ``lib.demo.planted`` for every
effect, where it sits and how an analysis should find it.
"""

from lib.demo.build import DatabaseNotEmpty, ReplaceBlocked, build_demo, has_data
from lib.demo.calendar import DEMO_END, DEMO_START
from lib.demo.plan import SCALES
from lib.demo.planted import Planted, planted_effects

__all__ = [
    "DEMO_END",
    "DEMO_START",
    "SCALES",
    "DatabaseNotEmpty",
    "Planted",
    "ReplaceBlocked",
    "build_demo",
    "has_data",
    "planted_effects",
]
