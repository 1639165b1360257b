"""A link carries the view: opened on a fresh server it shows its filters, and the address follows changes.

Each case starts its own server, so the link is the first thing the server is asked for
(as when a colleague opens it from a message). Demo mode: an evaluator sees the city; a
manager (the demo's default manager, the first unit of the city) opening a link for
another kecamatan gets their own scope and a message saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import Engine, text

from lib.i18n import translate
from tests.e2e.conftest import start_app, wait_for_app


def _serve(database_url: str, role: str) -> Iterator[str]:
    process, base = start_app(database_url, {"TELAAH_DEMO_ROLE": role})
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def evaluator_app(demo_database_url: str) -> Iterator[str]:
    yield from _serve(demo_database_url, "evaluator")


@pytest.fixture
def manager_app(demo_database_url: str) -> Iterator[str]:
    yield from _serve(demo_database_url, "manager")


def _selectbox(page: Page, label: str):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text=label)


def _expect_choice(page: Page, label: str, shown: str) -> None:
    """The sidebar selectbox ``label`` shows ``shown`` (read as a screen reader does: its combobox's value)."""
    expect(_selectbox(page, label).first).to_match_aria_snapshot(f'- combobox "{label}": {shown}')


def test_a_link_opens_with_its_filters_and_the_address_follows(evaluator_app: str, page: Page) -> None:
    page.goto(f"{evaluator_app}/kepuasan?periode=last_year&unit=KEC-MBLW")
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible(timeout=90_000)
    wait_for_app(page)
    _expect_choice(page, translate("sidebar.period"), translate("sidebar.period.last_year"))
    _expect_choice(page, translate("sidebar.unit"), "Kecamatan Medan Belawan")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(translate("sidebar.scope", scope="Kecamatan Medan Belawan"))).to_be_visible()
    # the page reflects it: Kepuasan names the unit whose figures it shows
    expect(page.get_by_test_id("stMain").get_by_text("Kecamatan Medan Belawan").first).to_be_visible()

    _selectbox(page, translate("sidebar.period")).click()
    page.keyboard.type(translate("sidebar.period.all"))
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"periode=all"))
    expect(page).to_have_url(re.compile(r"unit=KEC-MBLW"))


def test_a_manager_opening_another_kecamatans_link_sees_their_own_scope(
    manager_app: str, page: Page, demo_engine: Engine
) -> None:
    with demo_engine.connect() as conn:
        own = conn.execute(text("SELECT name FROM unit ORDER BY path LIMIT 1")).scalar_one()
    page.goto(f"{manager_app}/kepuasan?unit=KEC-MTTG")
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible(timeout=90_000)
    wait_for_app(page)
    message = translate("url.out_of_scope", choice="Kecamatan Medan Tuntungan", scope=own)
    expect(page.get_by_test_id("stAlert").filter(has_text=message)).to_be_visible()
    expect(
        page.get_by_test_id("stSidebar").get_by_text(translate("sidebar.scope", scope=own))
    ).to_be_visible()
    assert "KEC-MTTG" not in page.url


def test_a_page_option_and_a_search_travel_in_the_link(evaluator_app: str, page: Page) -> None:
    """Pengaduan's "Tampilkan per" and its search words are in the address, and a link restores them."""
    page.goto(f"{evaluator_app}/pengaduan?periode=all&per=quarter&cari=antri")
    expect(page.get_by_test_id("stSidebarNav")).to_be_visible(timeout=90_000)
    wait_for_app(page)
    # the chosen option is the group's checked radio (as a screen reader reads it)
    period = page.get_by_role("radiogroup", name=translate("complaints.period"))
    expect(period.get_by_role("radio", name=translate("complaints.period.quarter"))).to_be_checked()
    expect(page.get_by_test_id("stTextInput").get_by_role("textbox")).to_have_value("antri")
    expect(page).to_have_url(re.compile(r"per=quarter"))
    # choosing months writes it back: the link always says what the page shows
    period.get_by_role("radio", name=translate("complaints.period.month")).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"per=month"))
    expect(page).to_have_url(re.compile(r"cari=antri"))
    expect(page).to_have_url(re.compile(r"periode=all"))
