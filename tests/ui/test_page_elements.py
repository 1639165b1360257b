"""How many elements Kepuasan, Pengaduan, Prioritas and Ringkasan send per run, pinned so the count cannot creep back.

On every filter change the browser re-renders every element a run sends, changed or not
(about 1.5-2.5 ms of CPU each in headless Chromium, a block such as a column like an element):
the count of the page's main area is what the browser pays per change. The bounds are the
counts measured on the demo city as a leader sees each page first (``lib.ui.blocks`` says how
they were brought down); a change that adds elements must raise its bound here, knowingly.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import Engine

from lib.analysis.priority_score import DEFAULT_WEIGHTS
from lib.ui.priorities import WEIGHT_SLIDER_PREFIX, WEIGHTS_KEY, WEIGHTS_OPEN_KEY
from tests.ui.test_lazy_sections import open_with
from tests.ui.test_page_smoke import _open, assert_page_is_clean

#: Page file → the most elements (blocks included) its main area may hold on a first run, as
#: measured on the demo city for a leader, either language (a first run also counts the spinners
#: of data not yet cached). Before these bounds: Kepuasan 53, Prioritas 61, Pengaduan 45,
#: Ringkasan 21; Pengaduan 43, Prioritas 38 and Kepuasan 38 before their views became tabs built
#: when open.
MAIN_ELEMENTS = {"kepuasan.py": 19, "pengaduan.py": 31, "prioritas.py": 20, "ringkasan.py": 18}
#: The metrics and charts each page must still draw (the headline figures, the charts on top):
#: Pengaduan its five figures and the trend (its themes and handling are tabs), Prioritas the
#: ranking's chart (its unit profile, with the profile's six metrics, is the other tab), Kepuasan
#: its four figures and the NRR table (the ranking's chart and the unit's trend are other tabs).
METRICS = {"kepuasan.py": 4, "pengaduan.py": 5, "prioritas.py": 0, "ringkasan.py": 6}
CHARTS = {"kepuasan.py": 0, "pengaduan.py": 1, "prioritas.py": 1, "ringkasan.py": 1}
#: The sidebar every data page shares, for a leader in demo mode: language, "Peran demo", the
#: "Filter" heading, period, wilayah, unit, and one caption (scope, data coverage, last update).
#: It was 9 before the demo banner was drawn once and the three captions became one.
SIDEBAR_ELEMENTS = 7


def element_kinds(node: Any) -> Counter[str]:
    """Every element and block under ``node`` (itself excluded), counted by kind: one delta each."""
    kinds: Counter[str] = Counter()
    for child in getattr(node, "children", {}).values():
        kinds[child.type] += 1
        kinds += element_kinds(child)
    return kinds


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", sorted(MAIN_ELEMENTS))
def test_page_sends_no_more_elements_than_measured(
    page: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open("pimpinan", page, lang, demo_database_url, monkeypatch, None)
    assert_page_is_clean(at, f"{page} ({lang})", lang)
    kinds = element_kinds(at.main)
    assert sum(kinds.values()) <= MAIN_ELEMENTS[page], (
        f"{page} ({lang}) sends {sum(kinds.values())}: {kinds.most_common()}"
    )
    # the measured layout, not an emptier page: the figures are still drawn
    assert (
        kinds["metric"] >= METRICS[page]
        and kinds["arrow_vega_lite_chart"] + kinds["vega_lite_chart"] >= CHARTS[page]
    )


@pytest.mark.slow
def test_priority_weights_are_kept_while_their_sliders_are_closed(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_with("pimpinan", "prioritas.py", "id", demo_database_url, monkeypatch, {WEIGHTS_OPEN_KEY: True})
    assert not at.exception
    assert len(at.slider) == len(DEFAULT_WEIGHTS)
    first = at.slider[0]
    first.set_value(first.value + 10).run()
    chosen = dict(at.session_state[WEIGHTS_KEY])
    assert chosen[first.key.removeprefix(WEIGHT_SLIDER_PREFIX)] == first.value
    at.session_state[WEIGHTS_OPEN_KEY] = False  # the reader closes the expander: no slider is built
    at.run()
    assert not at.exception and len(at.slider) == 0
    assert dict(at.session_state[WEIGHTS_KEY]) == chosen  # the score still uses the weights chosen
    at.session_state[WEIGHTS_OPEN_KEY] = True  # and reopened, the sliders start where they were left
    at.run()
    assert at.slider[0].value == chosen[first.key.removeprefix(WEIGHT_SLIDER_PREFIX)]


@pytest.mark.slow
def test_the_shared_sidebar_sends_no_more_elements_than_measured(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open("pimpinan", "kepuasan.py", "id", demo_database_url, monkeypatch, None)
    assert not at.exception
    kinds = element_kinds(at.sidebar)
    assert sum(kinds.values()) <= SIDEBAR_ELEMENTS, kinds.most_common()
    (caption,) = at.sidebar.caption
    assert caption.value.startswith("Cakupan: Kota Medan  \nData sampai: ")
    assert "Data diperbarui: " in caption.value
