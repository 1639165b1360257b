"""In the browser: no table offers the toolbar's unaudited CSV download, and no page shows a traceback."""

from __future__ import annotations

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import wait_for_app

#: Pages of the demo city that draw tables (views/*.py with st.dataframe), and the tab that shows
#: them where the page opens on a view without one (its headline tables are HTML: no toolbar).
PAGES_WITH_TABLES = (
    ("kepuasan", "Peringkat unit"),
    ("status", None),
    ("pengaduan", None),
    ("prioritas", "Profil unit"),
    ("dampak", None),
)


def test_no_table_toolbar_offers_a_download(live_app: str, page: Page) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    hovered = 0
    for path, tab in PAGES_WITH_TABLES:
        page.goto(f"{live_app}/{path}")
        wait_for_app(page)
        if tab is not None:
            page.get_by_role("tab", name=tab).click()
            page.wait_for_timeout(500)
            wait_for_app(page)
        try:
            page.wait_for_selector("[data-testid='stDataFrame']", state="attached", timeout=60_000)
        except PlaywrightTimeout:
            continue
        page.wait_for_timeout(1000)
        assert "Traceback" not in page.content()
        frames = page.get_by_test_id("stDataFrame")
        for i in range(frames.count()):
            frame = frames.nth(i)
            if not frame.is_visible():
                continue
            frame.scroll_into_view_if_needed()
            frame.hover()
            page.wait_for_timeout(300)
            hovered += 1
            toolbar = page.get_by_test_id("stElementToolbarButton")
            labels = [toolbar.nth(j).inner_html() for j in range(toolbar.count())]
            assert labels, f"no toolbar appeared over table {i} on {path}"
            assert not any('aria-label="Download as CSV"' in label for label in labels), path
    assert hovered >= 3  # the check looked at real tables
