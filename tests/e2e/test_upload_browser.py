"""An evaluator uploads a survey file through the browser and sees its rows counted, then imports it.

Runs against the lead's ``live_app`` (the full app on a writable copy of the
small demo city, in demo mode) and pytest-playwright's ``page`` in Debian's
Chromium. The file uses unit codes of the demo city, read from the database
the app runs on, so the test does not depend on how the demo names its units.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_upload_as_evaluator, wait_for_app

ROWS = 3


def _survey_file(tmp_path: Path) -> Path:
    """A Google-Forms-like export with answer labels, for one unit chosen on the page."""
    header = (
        "Timestamp,Jenis Kelamin,Usia,"
        '"Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",'
        '"Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",'
        '"Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",'
        '"Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",'
        '"Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan dengan hasil yang diberikan?",'
        '"Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",'
        '"Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",'
        '"Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",'
        '"Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",'
        "Saran dan masukan"
    )
    answers = "Sangat sesuai,Mudah,Cepat,Gratis,Sesuai,Kompeten,Sopan dan ramah,Baik,Dikelola dengan baik"
    rows = [
        f"2025/03/{10 + i:02d} 10:{i:02d}:33 AM GMT+7,{'Perempuan' if i % 2 else 'Laki-laki'},{30 + i},{answers},"
        + ("<script>alert(1)</script>" if i == 0 else "")
        for i in range(ROWS)
    ]
    path = tmp_path / "Survei Kepuasan Masyarakat (Jawaban).csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_evaluator_uploads_and_imports_a_google_forms_export(
    live_app: str, page: Page, tmp_path: Path
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_app)
    wait_for_app(page)
    open_upload_as_evaluator(page)
    expect(page.get_by_role("heading", name="Unggah Data")).to_be_visible()

    page.get_by_test_id("stSelectbox").filter(has_text="Jenis data").click()
    page.get_by_role("option", name="Survei Kepuasan Masyarakat (SKM)").click()
    wait_for_app(page)
    page.get_by_test_id("stSelectbox").filter(has_text="Satu unit untuk seluruh berkas").click()
    options = page.get_by_role("option")
    expect(options.nth(1)).to_be_visible()
    options.nth(1).click()  # the first unit of the demo city (option 0 is "none")
    wait_for_app(page)

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(_survey_file(tmp_path)))
    wait_for_app(page)
    rows_metric = page.get_by_test_id("stMetric").filter(has_text="Baris data")
    expect(rows_metric).to_contain_text(str(ROWS), timeout=60_000)
    expect(page.get_by_test_id("stMetric").filter(has_text="Baris valid")).to_contain_text(str(ROWS))
    expect(page.get_by_text("Semua baris valid.")).to_be_visible()

    page.get_by_role("button", name=f"Impor {ROWS} baris").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(rf"Impor #\d+ selesai: {ROWS} baris; {ROWS} baru"))).to_be_visible(
        timeout=60_000
    )
    assert dialogs == []  # the suggestion's <script> was stored as text, never run

    page.get_by_role("tab", name="Riwayat impor").click()
    expect(page.locator("[data-testid='stDataFrame']:visible").first).to_be_visible()
    expect(page.get_by_role("button", name="Batalkan impor")).to_be_visible()
    # undo asks first, saying what it would remove; "Tidak jadi" keeps the import
    page.get_by_role("button", name="Batalkan impor").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(rf"{ROWS} baris yang ditambahkannya akan dihapus"))).to_be_visible()
    page.get_by_role("button", name="Tidak jadi").click()
    wait_for_app(page)
    expect(page.get_by_text(re.compile("akan dihapus"))).to_have_count(0)
    expect(page.get_by_role("button", name="Batalkan impor")).to_be_visible()

    # asked again, the confirmation names the import, its kind, file and time (WIB); only the
    # second click removes it, and the page says what was removed
    page.get_by_role("button", name="Batalkan impor").click()
    wait_for_app(page)
    confirm = page.get_by_text(
        re.compile(r"Batalkan impor #\d+ \(Survei Kepuasan Masyarakat \(SKM\), berkas")
    )
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("Survei Kepuasan Masyarakat (Jawaban).csv")
    expect(confirm).to_contain_text(re.compile(r"diimpor \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB"))
    page.get_by_role("button", name=re.compile(r"Ya, batalkan impor #\d+")).click()
    wait_for_app(page)
    expect(
        page.get_by_text(re.compile(rf"Impor #\d+ dibatalkan: {ROWS} baris dihapus, 0 dipulihkan\."))
    ).to_be_visible(timeout=60_000)
    expect(page.get_by_text(re.compile("akan dihapus"))).to_have_count(0)
