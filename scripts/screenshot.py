"""Screenshot pages of a running Telaah in headless Chromium (for the README and for review).

Usage: python scripts/screenshot.py http://localhost:8501/ out.png [--width 1400] [--height 900]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib.devserver import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true", help="capture the whole scrollable page")
    parser.add_argument("--wait", type=float, default=2.0, help="extra seconds for charts to draw")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(args.url)
        page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=60_000)
        page.wait_for_function(  # the script's run state (see tests/e2e/conftest.py: wait_for_app)
            "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState"
            " === 'notRunning'",
            timeout=300_000,
        )
        page.wait_for_timeout(int(args.wait * 1000))
        if args.full:
            # Streamlit scrolls inside its own container: enlarge the viewport to fit it.
            height = page.evaluate(
                "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 900"
            )
            page.set_viewport_size({"width": args.width, "height": min(int(height) + 100, 12000)})
            page.wait_for_timeout(1500)
        page.screenshot(path=args.out)
        browser.close()


if __name__ == "__main__":
    main()
