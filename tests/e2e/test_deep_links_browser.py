"""A bookmark works on a freshly started server: each page's URL, asked for first, opens inside the app.

This is why the pages live in ``views/`` and not ``pages/``: Streamlit treats a
``pages/`` folder as an old-style multipage app until ``st.navigation`` has run
once, so after a restart the first URL asked for (``/prioritas``) would open that
page alone, without the navigation, the shared sidebar filters and the role's menu.
Every case therefore starts its own server and opens its page's URL before any other.
The URLs come from the navigation data (:func:`lib.ui.nav.pages_for`) for an evaluator,
the demo role that sees the most pages; the admin pages need a local sign-in and are
covered by the sign-in browser tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from lib.auth.roles import Principal, Role
from lib.i18n import translate
from lib.ui.nav import PageEntry, pages_for
from tests.e2e.conftest import start_app, wait_for_app

EVALUATOR = Principal("demo", Role.EVALUATOR, method="demo")
ENTRIES = [entry for entries in pages_for(EVALUATOR, empty=False).values() for entry in entries]


@pytest.fixture
def fresh_app(demo_database_url: str) -> Iterator[str]:
    """A server started for this test alone, on the small demo city, in demo mode as an evaluator."""
    process, base = start_app(demo_database_url, {"TELAAH_DEMO_ROLE": "evaluator"})
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.url_path for e in ENTRIES])
def test_first_url_after_a_restart_opens_inside_the_app(entry: PageEntry, fresh_app: str, page: Page) -> None:
    page.goto(f"{fresh_app}/{entry.url_path}")
    nav = page.get_by_test_id("stSidebarNav")
    # The client first looks for the server under the page's path (a 404), then at the root:
    # the first draw can take several seconds on a busy machine.
    expect(nav).to_be_visible(timeout=90_000)
    wait_for_app(page)
    # Streamlit shows the default page's address as the root once it has run.
    allowed = {f"{fresh_app}/{entry.url_path}", *([fresh_app] if entry.default else [])}
    # (the address also carries the page's filters, ``?periode=…``: a view can be shared as a link)
    address, _, query = page.url.partition("?")
    assert address.rstrip("/") in allowed, f"redirected to {page.url}"
    assert ("periode=" in query) == entry.filters, f"filters in the address: {page.url}"
    # The role's whole menu, not a lone page: every entry of the navigation is listed.
    for other in ENTRIES:
        expect(nav.get_by_text(translate(other.title_key), exact=True)).to_be_visible()
    current = nav.locator("a[aria-current='page']")
    expect(current).to_have_count(1)
    expect(current).to_contain_text(translate(entry.title_key))
    # The shared filters of app.py (only on pages that use data) and the demo banner's role picker.
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(translate("auth.demo_role"), exact=True)).to_be_visible()
    region = sidebar.get_by_text(translate("sidebar.region"), exact=True)
    if entry.filters:
        expect(region).to_be_visible()
    else:  # a page that uses no filters does not show them
        expect(region).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
