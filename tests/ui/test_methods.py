"""The Metode page explains each method with the figures the code actually uses, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.auth.roles import Principal, Role
from lib.ui.auth import DEMO_ROLE_KEY
from lib.ui.methods import method_sections, worked_example
from lib.ui.nav import pages_for
from lib.ui.state import LANG_KEY

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "metode.py")


def _text(lang: str) -> str:
    return "\n".join(p for s in method_sections(lang) for p in (s.title, *s.paragraphs, *s.sources))


def test_worked_example_matches_the_regulation_example() -> None:
    """DOMAIN.md's hand-checked example: 29 respondents → IKM 91.38 (0.111) / 91.48 (1/9), grade A."""
    example = worked_example()
    assert [round(v, 4) for v in example["nrr"]] == [  # type: ignore[attr-defined]
        3.6207,
        3.4828,
        3.4483,
        4.0,
        3.5172,
        3.6207,
        3.6552,
        3.6207,
        3.9655,
    ]
    assert (example["ikm"], example["ikm_exact"], example["grade"]) == (91.38, 91.48, "A")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            [
                "bobot 0,111",
                "nilai sempurna menjadi 99,90",
                "A (Sangat Baik) mulai 88,31, B (Baik) mulai 76,61, C (Kurang Baik) mulai 65,00",
                "IKM 91,38 dengan bobot 0,111 (91,48 dengan bobot 1/9), mutu A (Sangat Baik)",
                "N = 100 → minimal 80 responden; N = 1.000 → 278; N = 10.000 → 370; "
                "untuk N yang sangat besar → 384",
                "χ² = 3,841, P = 0,5 dan d = 0,05",
                "pasangan kurang dari 30",
                "rendah di bawah 0,3, sedang 0,3–0,7, tinggi di atas 0,7",
                "d = 0,6",
                "pengaduan 3 bulan lengkap terakhir dibandingkan dengan 12 bulan sebelumnya",
                "paling banyak 5% adalah alarm palsu",
                "Aturan 20 JP",
                "1 JP = 45 menit",
                "Callaway & Sant'Anna (2021)",
                "Benjamini–Hochberg",
                "Peraturan Menteri PANRB Nomor 14 Tahun 2017",
            ],
        ),
        (
            "en",
            [
                "weight as 0.111",
                "a perfect score 99.90",
                "A (Very good) from 88.31, B (Good) from 76.61, C (Poor) from 65.00",
                "IKM 91.38 with weight 0.111 (91.48 with weight 1/9), grade A (Very good)",
                "N = 100 → at least 80 respondents; N = 1,000 → 278; N = 10,000 → 370; for a very large N → 384",
                "fewer than 30 pairs",
                "low below 0.3, medium 0.3–0.7, high above 0.7",
                "the last 3 complete months against the 12 months before",
                "at most 5% are false alarms",
                "The 20-JP rule",
                "1 JP = 45 minutes",
            ],
        ),
    ],
)
def test_sections_quote_the_figures_the_code_uses(lang: str, expected: list[str]) -> None:
    text = _text(lang)
    for phrase in expected:
        assert phrase in text, f"{lang}: missing {phrase!r}"
    keys = [s.key for s in method_sections(lang)]
    assert keys == ["ikm", "sampel", "kirkpatrick", "dampak", "lonjakan", "jp", "prioritas", "istilah"]
    assert all(s.sources for s in method_sections(lang) if s.key != "istilah")
    assert "{" not in text and "}" not in text, "a placeholder was left unfilled"


def test_every_role_but_admin_finds_the_page_in_the_menu() -> None:
    def files(principal: Principal) -> set[str]:
        return {p.file for entries in pages_for(principal, False).values() for p in entries}

    for role in (Role.PIMPINAN, Role.EVALUATOR, Role.MANAGER):
        assert "metode.py" in files(Principal("x", role, unit_path="/KEC-A/"))
    assert "metode.py" not in files(Principal("x", Role.ADMIN))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_draws_every_section_with_its_anchor(lang: str, engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state[DEMO_ROLE_KEY] = "pimpinan"
    at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception
    sections = method_sections(lang)
    assert [h.value for h in at.subheader] == [s.title for s in sections]
    assert [h.proto.anchor for h in at.subheader] == [s.key for s in sections]
    contents = at.markdown[0].value
    assert all(f"(#{s.key})" in contents for s in sections)
