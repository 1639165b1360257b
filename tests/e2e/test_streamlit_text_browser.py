"""In Indonesian the upload page shows no English word of Streamlit's own uploader.

Streamlit hard-codes "Upload", "200MB per file • …" and "Drag and drop a file here";
lib.ui.streamlit_text draws them at size zero and shows Indonesian text in their
place. The browser is the only place to check what is really drawn.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_upload_as_evaluator, wait_for_app

AFTER = "e => getComputedStyle(e, '::after').content"
SIZE = "e => getComputedStyle(e).fontSize"


def test_uploader_speaks_indonesian(live_app: str, page: Page) -> None:
    page.goto(live_app)
    wait_for_app(page)
    open_upload_as_evaluator(page)
    zone = page.get_by_test_id("stFileUploaderDropzone")
    expect(zone).to_be_visible()

    button_text = zone.locator("button [data-testid='stMarkdownContainer'] p")
    expect(button_text).to_have_text("Upload")  # still in the DOM, for screen readers' sake…
    assert button_text.evaluate(SIZE) == "0px"  # …but drawn at size zero
    assert button_text.evaluate(AFTER) == '"Unggah"'

    limits = zone.get_by_test_id("stFileUploaderDropzoneInstructions").locator("span")
    assert limits.evaluate(SIZE) == "0px"
    shown = limits.evaluate(AFTER)
    assert shown.startswith('"Maksimal 200 MB per berkas • '), shown
    # The Indonesian line names exactly the types the uploader accepts.
    accept = zone.get_by_test_id("stFileUploaderDropzoneInput").get_attribute("accept") or ""
    accepted = [a.lstrip(".").upper() for a in accept.split(",") if a.startswith(".")]
    assert shown.strip('"').split(" • ")[1].split(", ") == accepted

    dropped = page.evaluate_handle(
        "() => { const d = new DataTransfer(); d.items.add(new File(['a'], 'a.csv', {type: 'text/csv'})); return d; }"
    )
    zone.dispatch_event("dragenter", {"dataTransfer": dropped})
    overlay = zone.locator("> div:not([data-testid]) > span")
    expect(overlay).to_have_count(1)
    assert overlay.evaluate(SIZE) == "0px"
    assert overlay.evaluate(AFTER) == '"Seret dan lepas berkas di sini"'
