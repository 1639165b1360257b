"""The complaint themes every layer shares: the default set, their names, and how an uploaded category becomes a key.

The theme list itself is data (table ``complaint_theme``, read by
:func:`lib.queries.complaint_themes.theme_definitions`); this module holds its
shape (:class:`ThemeDef`), the defaults used while the table is empty, the
training themes a theme may point to, and :data:`ABSTAIN`, the key shown for a
prediction below the threshold. Pure and without heavy imports, so queries,
analyses, services and pages may all import it (the classifier lives in
:mod:`lib.analysis.complaint_themes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_SPACES = re.compile(r"\s+")
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True)
class ThemeDef:
    """One theme: key as stored, names, and the training theme (``ikm.theme.*``) it points to."""

    key: str
    name_id: str
    name_en: str
    training_theme: str | None
    position: int = 0
    active: bool = True


#: The default theme set: the eight service-desk themes, then what a city channel needs.
DEFAULT_THEMES: tuple[ThemeDef, ...] = tuple(
    ThemeDef(key, name_id, name_en, training, position)
    for position, (key, name_id, name_en, training) in enumerate(
        (
            ("waktu", "waktu/antrian", "waiting time/queues", "ikm.theme.process_digital"),
            ("perilaku", "perilaku petugas", "staff behaviour", "ikm.theme.ethics_communication"),
            ("biaya", "biaya/pungli", "fees/illegal charges", "ikm.theme.integrity"),
            ("prosedur", "prosedur/persyaratan", "procedures/requirements", "ikm.theme.service_standard"),
            ("sarana", "sarana", "facilities", "ikm.theme.facilities"),
            ("informasi", "informasi", "information", "ikm.theme.service_standard"),
            ("sistem", "sistem/aplikasi", "systems/apps", "ikm.theme.process_digital"),
            ("lainnya", "lainnya", "other", None),
            ("jalan_drainase", "jalan & drainase", "roads & drainage", "ikm.theme.technical"),
            ("kebersihan_sampah", "kebersihan & sampah", "cleanliness & rubbish", "ikm.theme.technical"),
            ("penerangan", "penerangan jalan", "street lighting", "ikm.theme.technical"),
            ("pohon_taman", "pohon & taman", "trees & parks", "ikm.theme.technical"),
            ("bantuan_sosial", "bantuan sosial", "social assistance", "ikm.theme.service_standard"),
            ("adminduk", "administrasi kependudukan", "civil registration", "ikm.theme.service_standard"),
            ("kesehatan", "kesehatan", "health", "ikm.theme.technical"),
            ("pendidikan", "pendidikan", "education", "ikm.theme.technical"),
        )
    )
)
#: Theme key → (Indonesian, English) name as the evaluator last saved them (filled when the
#: theme table is read, so that display helpers without a database name edited themes).
THEME_NAMES: dict[str, tuple[str, str]] = {}
#: Theme keys of the default set, in display order.
THEMES: tuple[str, ...] = tuple(t.key for t in DEFAULT_THEMES)
#: The eight themes of the original (service-desk) set, which the demo city uses.
LEGACY_THEMES: tuple[str, ...] = THEMES[:8]
#: Shown instead of a prediction whose confidence is below the threshold.
ABSTAIN = "belum_yakin"
#: The training themes a complaint theme may point to (DOMAIN.md, "What the evidence says a unit needs").
TRAINING_THEMES: tuple[str, ...] = (
    "ikm.theme.service_standard",
    "ikm.theme.process_digital",
    "ikm.theme.integrity",
    "ikm.theme.technical",
    "ikm.theme.ethics_communication",
    "ikm.theme.complaint_management",
    "ikm.theme.facilities",
)


#: Spellings found in uploaded files → theme key.
_THEME_ALIASES: dict[str, str] = {
    "waktu": "waktu",
    "waktu/antrian": "waktu",
    "antrian": "waktu",
    "waktu pelayanan": "waktu",
    "lama": "waktu",
    "perilaku": "perilaku",
    "perilaku petugas": "perilaku",
    "sikap petugas": "perilaku",
    "biaya": "biaya",
    "biaya/pungli": "biaya",
    "pungli": "biaya",
    "pungutan liar": "biaya",
    "tarif": "biaya",
    "prosedur": "prosedur",
    "prosedur/persyaratan": "prosedur",
    "persyaratan": "prosedur",
    "sarana": "sarana",
    "sarana prasarana": "sarana",
    "sarana/prasarana": "sarana",
    "fasilitas": "sarana",
    "informasi": "informasi",
    "info": "informasi",
    "sistem": "sistem",
    "sistem/aplikasi": "sistem",
    "aplikasi": "sistem",
    "online": "sistem",
    "lainnya": "lainnya",
    "lain-lain": "lainnya",
    "lain lain": "lainnya",
    "other": "lainnya",
    "jalan": "jalan_drainase",
    "jalan rusak": "jalan_drainase",
    "drainase": "jalan_drainase",
    "jalan & drainase": "jalan_drainase",
    "jalan dan drainase": "jalan_drainase",
    "kebersihan": "kebersihan_sampah",
    "sampah": "kebersihan_sampah",
    "kebersihan & sampah": "kebersihan_sampah",
    "penerangan": "penerangan",
    "penerangan jalan": "penerangan",
    "lampu jalan": "penerangan",
    "pju": "penerangan",
    "pohon": "pohon_taman",
    "taman": "pohon_taman",
    "pohon & taman": "pohon_taman",
    "bansos": "bantuan_sosial",
    "bantuan sosial": "bantuan_sosial",
    "adminduk": "adminduk",
    "administrasi kependudukan": "adminduk",
    "kependudukan": "adminduk",
    "kesehatan": "kesehatan",
    "pendidikan": "pendidikan",
}


#: Confidence threshold used until a labelling round has chosen one.
DEFAULT_THRESHOLD = 0.5


def normalise_theme_key(value: object) -> str | None:
    """A category as stored or uploaded → a theme key (unknown labels: lower-cased as given; blank: None)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = _SPACES.sub(" ", str(value).strip().lower())
    if not text:
        return None
    return _THEME_ALIASES.get(text, _THEME_ALIASES.get(text.replace(" / ", "/"), text))


class ThemeEditError(ValueError):
    """An edit of the theme list or the topic mapping that cannot be saved; ``key`` names the message."""

    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.params = params


def validate_theme_definitions(themes: Sequence[ThemeDef]) -> None:
    """Keys unique and of the form ``jalan_drainase``, names given, training themes known."""
    seen: set[str] = set()
    for theme in themes:
        if not _KEY.match(theme.key):
            raise ThemeEditError("complaints.themes.bad_key", key=theme.key)
        if theme.key in seen:
            raise ThemeEditError("complaints.themes.duplicate", key=theme.key)
        seen.add(theme.key)
        if not theme.name_id.strip() or not theme.name_en.strip():
            raise ThemeEditError("complaints.themes.no_name", key=theme.key)
        if theme.training_theme is not None and theme.training_theme not in TRAINING_THEMES:
            raise ThemeEditError("complaints.themes.bad_training", key=theme.key, value=theme.training_theme)
    if not any(t.active for t in themes):
        raise ThemeEditError("complaints.themes.none_active")
