"""The plan and the manifest: deterministic, cheap, and internally consistent (no database)."""

from __future__ import annotations

import time
from datetime import date

from lib.demo import DEMO_END, DEMO_START, planted_effects
from lib.demo.geography import KECAMATAN
from lib.demo.plan import COHORT_QUARTERS, make_plan
from lib.demo.units import build_units


def test_planted_effects_is_deterministic_and_cheap() -> None:
    make_plan.cache_clear()
    started = time.perf_counter()
    first = planted_effects("small", 2026)
    assert time.perf_counter() - started < 2.0
    make_plan.cache_clear()
    assert planted_effects("small", 2026) == first
    other = planted_effects("small", 7)
    assert (other.digital_cohorts, other.weak_units) != (first.digital_cohorts, first.weak_units)


def test_manifest_matches_the_contract() -> None:
    planted = planted_effects("small", 2026)
    assert len(planted.digital_cohorts) == 12
    assert sorted(set(planted.digital_cohorts.values())) == list(COHORT_QUARTERS)
    assert planted.digital_ikm_effect == 4.0
    assert planted.digital_service_days_ratio == 0.75
    assert planted.digital_on_time_effect == 10.0
    assert abs(sum(planted.digital_unsur_effects.values()) - 1.44) < 1e-9
    assert planted.rising_theme == "waktu"
    assert planted.rising_start == date(2026, 5, 1)
    assert planted.skp_effect_points == 3.0
    assert len(planted.weak_units) == 3 and len(planted.healthy_units) == 3
    roles = [
        set(planted.weak_units),
        set(planted.healthy_units),
        set(planted.digital_cohorts),
        {planted.rising_complaints_unit},
    ]
    assert sum(len(r) for r in roles) == len(set().union(*roles)), "one unit, one role"
    assert len(planted.null_program_codes) == 1
    for code in planted.null_program_codes:
        assert planted.program_true_gain[code] == 0.0
    for code, gain in planted.program_true_gain.items():
        if code not in planted.null_program_codes:
            d_z = gain / planted.program_sd_diff[code]
            assert 0.4 <= d_z <= 1.5, (code, d_z)
    assert set(planted.digital_program_codes) <= set(planted.program_true_gain)


def test_programmes_lie_inside_the_period_with_realistic_jp() -> None:
    for scale in ("small", "city"):
        for program in make_plan(scale, 2026).programmes:
            assert DEMO_START <= program.start <= program.end <= DEMO_END
            assert 2 <= program.jp <= 40
            assert program.track == (
                "klasikal"
                if program.method in ("pelatihan", "bimtek", "workshop", "seminar", "kursus", "magang")
                else "nonklasikal"
            )


def test_unit_tree_uses_the_real_geography() -> None:
    city = build_units("city")
    kelurahan = [u for u in city if u.kind == "kelurahan"]
    assert len([u for u in city if u.kind == "kecamatan"]) == 21
    assert len(kelurahan) == 151 == sum(len(k.kelurahan) for k in KECAMATAN)
    small = build_units("small")
    belawan = sorted(u.name for u in small if u.kind == "kelurahan" and u.region == "Medan Belawan")
    assert belawan == sorted(
        f"Kelurahan {n}"
        for n in (
            "Belawan I",
            "Belawan II",
            "Belawan Bahari",
            "Belawan Bahagia",
            "Belawan Sicanang",
            "Bagan Deli",
        )
    )
    assert 80 <= len(small) <= 120
    assert 400 <= len(city) <= 550
    assert all(u.parent_code == "DINKES" for u in small if u.kind == "puskesmas")
