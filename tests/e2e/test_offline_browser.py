"""No request leaves the machine: a tour of every page asks nothing of any host but the app's own.

A government office may run Telaah without internet access (or must not leak
which pages its staff open to third parties). Streamlit draws a ``:material/…:``
page icon by fetching an SVG from fonts.gstatic.com, which failed offline with
console errors on every page; the favicon is now a local file. The test records
every request the browser makes (requests to other hosts are aborted, so the
test never depends on a network) while it opens each page of the navigation and
the widgets that load extra assets (date picker, file uploader, expanders).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from lib.auth.roles import Principal, Role
from lib.i18n import translate
from lib.ui.nav import pages_for
from tests.e2e.conftest import start_app, wait_for_app

EVALUATOR = Principal("demo", Role.EVALUATOR, method="demo")
ENTRIES = [entry for entries in pages_for(EVALUATOR, empty=False).values() for entry in entries]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
#: Streamlit's client first looks for the server under the page's own path, then at the root:
#: those two 404s are the app talking to itself, not an error a user meets.
SELF_PROBES = ("/_stcore/health", "/_stcore/host-config")


@pytest.fixture(scope="module")
def evaluator_app(demo_database_url: str) -> Iterator[str]:
    """The app in demo mode as an evaluator (the role with the most pages, the uploader included)."""
    process, base = start_app(demo_database_url, {"TELAAH_DEMO_ROLE": "evaluator"})
    yield base
    process.terminate()
    process.wait(timeout=20)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOCAL_HOSTS


def _open_expanders(page: Page, limit: int) -> None:
    """Open up to ``limit`` expanders, one at a time, each found afresh.

    Opening one expander animates the page below it, and a page may still draw a late
    element; a handle taken before the first click can then be moving or replaced
    ("element is not stable", "detached from the DOM"). Each expander is located by
    position after the page has settled, and a click that meets a moving page is retried.
    """
    summaries = page.locator("[data-testid='stExpander'] summary")
    for index in range(min(limit, summaries.count())):
        for attempt in range(3):
            wait_for_app(page)
            if index >= summaries.count():
                return
            try:
                summaries.nth(index).click(timeout=5_000)
                break
            except PlaywrightTimeoutError:
                if attempt == 2:
                    raise
        page.wait_for_timeout(150)


def test_a_tour_of_every_page_makes_no_external_request(evaluator_app: str, page: Page) -> None:
    external: list[str] = []
    console_errors: list[str] = []

    def guard(route: Route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on(
        "console",
        lambda msg: (
            console_errors.append(f"{msg.text} {msg.location.get('url', '')}")
            if msg.type == "error"
            else None
        ),
    )
    page.goto(evaluator_app)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav).to_be_visible(timeout=90_000)
    wait_for_app(page)
    # Streamlit inlines a small SVG page icon as a data: URL; a material icon would be a gstatic URL.
    favicon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
    assert favicon.startswith("data:image/svg+xml"), favicon[:80]

    for entry in ENTRIES:
        nav.get_by_text(translate(entry.title_key), exact=True).click()
        wait_for_app(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        # Open what loads assets only on demand: expanders, the date picker, the uploader's icons.
        _open_expanders(page, limit=6)
        for date_input in page.get_by_test_id("stDateInput").locator("input").all()[:1]:
            date_input.click()
            page.keyboard.press("Escape")
        page.wait_for_timeout(300)

    assert external == [], f"requests left the machine: {sorted(set(external))[:10]}"
    errors = [e for e in console_errors if not any(probe in e for probe in SELF_PROBES)]
    assert errors == [], f"console errors on the tour: {errors[:5]}"
