"""The app starts on the demo city in headless Chromium and shows its navigation."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_for_app


def test_navigation_and_language_switch(live_app: str, page: Page) -> None:
    page.goto(live_app)
    wait_for_app(page)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav).to_be_visible()
    expect(nav.get_by_text("Status Data")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text("Wilayah", exact=True)).to_be_visible()
    nav.get_by_text("Status Data").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Status Data")).to_be_visible()
