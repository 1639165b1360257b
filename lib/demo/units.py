"""The unit tree of the demo city for a given scale.

The tree depends only on the scale, never on the seed, so a unit code means the
same place in every demo database (useful for accounts tied to a unit and for
comparing runs). ``service`` names the kind of public service a unit gives
(what citizens come for, what the SKM asks about); internal units have none.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.demo.geography import KECAMATAN, KECAMATAN_SECTIONS, OPDS, PUSKESMAS, SMP_NEGERI_COUNT

CITY_REGION = "Kota Medan"


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    parent_code: str | None
    region: str
    #: key into the service catalogue, or None for a unit that does not serve citizens directly
    service: str | None
    #: relative head count
    staff_weight: float
    #: residents (kelurahan, kecamatan) or 0; drives service volume
    residents: int = 0


#: Kelurahan kept per kecamatan in the small demo (Medan Belawan keeps all six).
SMALL_KELURAHAN_PER_KECAMATAN = 3
#: Puskesmas kept in the small demo (the first entries of ``PUSKESMAS``).
SMALL_PUSKESMAS = 12


def kecamatan_code(short: str) -> str:
    return f"KEC-M{short}"


def kelurahan_code(short: str, number: int) -> str:
    return f"KEL-{short}{number}"


def build_units(scale: str) -> list[UnitSpec]:
    """Units parents-first. ``small`` ≈ 110 units, ``city`` ≈ 470 (every kelurahan, sections, schools)."""
    city = scale == "city"
    units: list[UnitSpec] = []
    for opd in OPDS:
        if not (city or opd.small):
            continue
        units.append(
            UnitSpec(
                opd.code,
                opd.name,
                opd.kind,
                None,
                CITY_REGION,
                opd.service,
                opd.staff_weight * (5 if city else 12),
            )
        )
        if city:
            for suffix, name, kind, service in opd.subunits:
                full_name = f"{name} {opd.name}" if kind in ("bidang", "sekretariat", "bagian") else name
                units.append(
                    UnitSpec(
                        f"{opd.code}-{suffix}",
                        full_name,
                        kind,
                        opd.code,
                        CITY_REGION,
                        service,
                        opd.staff_weight * 6,
                    )
                )
        if opd.code == "DINKES":
            kept = PUSKESMAS if city else PUSKESMAS[:SMALL_PUSKESMAS]
            for suffix, name, region in kept:
                units.append(
                    UnitSpec(f"PKM-{suffix}", name, "puskesmas", "DINKES", region, "puskesmas", 32.0)
                )
        if opd.code == "DISDIK" and city:
            for number in range(1, SMP_NEGERI_COUNT + 1):
                units.append(
                    UnitSpec(
                        f"SMPN-{number:02d}",
                        f"SMP Negeri {number} Medan",
                        "sekolah",
                        "DISDIK",
                        CITY_REGION,
                        "sekolah",
                        38.0,
                    )
                )
    for kec in KECAMATAN:
        code = kecamatan_code(kec.short)
        units.append(
            UnitSpec(
                code,
                f"Kecamatan {kec.name}",
                "kecamatan",
                None,
                kec.name,
                "kecamatan",
                8.0 if city else 22.0,
                kec.population_k * 1000,
            )
        )
        if city:
            for suffix, name in KECAMATAN_SECTIONS:
                units.append(
                    UnitSpec(
                        f"{code}-{suffix}", f"{name} Kecamatan {kec.name}", "seksi", code, kec.name, None, 5.0
                    )
                )
        keep = len(kec.kelurahan) if (city or kec.short == "BLW") else SMALL_KELURAHAN_PER_KECAMATAN
        per_kelurahan = kec.population_k * 1000 // len(kec.kelurahan)
        for number, name in enumerate(kec.kelurahan[:keep], start=1):
            units.append(
                UnitSpec(
                    kelurahan_code(kec.short, number),
                    f"Kelurahan {name}",
                    "kelurahan",
                    code,
                    kec.name,
                    "kelurahan",
                    11.0,
                    per_kelurahan,
                )
            )
    return units
