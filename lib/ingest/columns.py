"""Which column of the user's file is which template column.

Headers arrive in any case and spacing, in Indonesian or English, as ``U1``…``U9``,
or as Google Forms question texts. The recogniser explains every decision
(``how``) so that the upload page can show it and the user can correct it, and
it never guesses the order of U8/U9: ``U8`` is Pengaduan unless the user says the
file swaps U8 and U9, and a header that names its element ("U8 Sarana") is
matched by the name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lib.ingest.kinds import ANSWER, KindSpec
from lib.models import UNSUR

#: how a column was recognised
BY_NAME, BY_SYNONYM, BY_NUMBER, BY_QUESTION, BY_USER, BY_OPTION = (
    "name",
    "synonym",
    "number",
    "question",
    "user",
    "option",
)

#: Keywords of the nine SKM questions (and of unsur names inside longer headers), most specific first.
UNSUR_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pengaduan", ("pengaduan", "complaint")),
    ("sarana", ("sarana", "prasarana", "fasilitas", "facilit", "infrastruct")),
    ("perilaku", ("perilaku", "kesopanan", "keramahan", "sopan", "ramah", "behavio", "courte")),
    ("kompetensi", ("kompetensi", "kemampuan petugas", "kemampuan pelaksana", "competen")),
    ("produk", ("produk", "spesifikasi", "product")),
    ("biaya", ("biaya", "tarif", "kewajaran", "cost", "fee", "tariff")),
    ("waktu", ("waktu", "kecepatan", "cepat", "time", "speed")),
    ("prosedur", ("prosedur", "mekanisme", "kemudahan", "procedur")),
    ("persyaratan", ("persyaratan", "syarat", "requirement")),
)

#: Keywords for the respondent profile questions of a Google Form (checked after the unsur).
PROFILE_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tanggal", ("timestamp", "stempel waktu", "cap waktu", "tanggal")),
    ("jenis_kelamin", ("jenis kelamin", "kelamin", "gender")),
    ("usia", ("usia", "umur", "age")),
    ("pendidikan", ("pendidikan", "education")),
    ("pekerjaan", ("pekerjaan", "occupation")),
    ("saran", ("saran", "masukan", "kritik", "suggestion", "comment")),
    ("jenis_layanan", ("jenis layanan", "jenis pelayanan", "layanan yang", "service")),
    ("kode_unit", ("kode unit", "unit layanan", "unit kerja", "nama unit", "puskesmas", "kelurahan", "unit")),
)

_U_NUMBER = re.compile(r"^(?:u|unsur|q)_?(\d{1,2})(?:_(.*))?$")


def normalise_header(header: object) -> str:
    """``"  Kode Unit *"`` → ``kode_unit``: lower case, no accents, no notes in brackets."""
    text = "" if header is None else str(header)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return "_".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _words(header: str) -> str:
    return " ".join(normalise_header(header).split("_"))


@dataclass
class ColumnMapping:
    """Template field -> the header in the user's file, with how each was found."""

    fields: dict[str, str] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)
    unused: list[str] = field(default_factory=list)
    #: headers that looked like U10..U14 (the 14-unsur method of KepmenPAN 25/2004)
    legacy_unsur: list[str] = field(default_factory=list)
    #: headers recognised as a field that another header had already claimed
    duplicates: dict[str, str] = field(default_factory=dict)

    def header_of(self, name: str) -> str:
        """The user's header for a field (the template name when the file lacks it)."""
        return self.fields.get(name, name)

    def with_overrides(self, overrides: dict[str, str | None], headers: list[str]) -> ColumnMapping:
        """A copy where the user's choices replace the recogniser's (None removes a field)."""
        fields = dict(self.fields)
        how = dict(self.how)
        for name, header in overrides.items():
            if header is None or header == "":
                fields.pop(name, None)
                how.pop(name, None)
                continue
            for other, used in list(fields.items()):
                if used == header and other != name:
                    fields.pop(other)
                    how.pop(other, None)
            fields[name] = header
            how[name] = BY_USER
        used = set(fields.values())
        return ColumnMapping(
            fields=fields,
            how=how,
            unused=[h for h in headers if h not in used],
            legacy_unsur=list(self.legacy_unsur),
        )


def recognise_columns(headers: list[str], spec: KindSpec, *, u8_u9_swapped: bool = False) -> ColumnMapping:
    """Map the file's headers onto ``spec``'s fields.

    Order of evidence: the exact template name, a known synonym (Indonesian or
    English), ``U1``..``U9`` by number (with an element name in the header
    winning over the number), then, for surveys, the keywords of the SKM
    questions and of the respondent profile (Google Forms headers).
    """
    mapping = ColumnMapping()
    synonyms: dict[str, str] = {}
    for f in spec.fields:
        for syn in (f.name, *f.synonyms):
            synonyms.setdefault(normalise_header(syn), f.name)
    is_survey = any(f.type == ANSWER for f in spec.fields)
    order = list(UNSUR)
    if u8_u9_swapped:
        order[7], order[8] = order[8], order[7]

    pending: list[str] = []

    def claim(name: str, header: str, how: str) -> None:
        if name in mapping.fields:
            mapping.duplicates[header] = name
            mapping.unused.append(header)
            return
        mapping.fields[name] = header
        mapping.how[name] = how

    for header in headers:
        norm = normalise_header(header)
        if norm in synonyms:
            name = synonyms[norm]
            claim(name, header, BY_NAME if norm == normalise_header(name) else BY_SYNONYM)
            continue
        if is_survey and (m := _U_NUMBER.match(norm)):
            number, rest = int(m.group(1)), m.group(2) or ""
            named = _unsur_by_keyword(rest.replace("_", " ")) if rest else None
            if named:
                claim(named, header, BY_QUESTION)
            elif 1 <= number <= 9:
                claim(order[number - 1], header, BY_NUMBER)
            else:
                mapping.legacy_unsur.append(header)
                mapping.unused.append(header)
            continue
        pending.append(header)

    for header in pending:
        words = _words(header)
        name = None
        if is_survey and words:
            name = _unsur_by_keyword(words)
            if name is None or name in mapping.fields:
                name = _profile_by_keyword(words, spec)
        if name and name not in mapping.fields:
            claim(name, header, BY_QUESTION)
        else:
            mapping.unused.append(header)
    return mapping


def _unsur_by_keyword(words: str) -> str | None:
    for unsur, keywords in UNSUR_KEYWORDS:
        if any(re.search(rf"\b{re.escape(k)}", words) for k in keywords):
            return unsur
    return None


def _profile_by_keyword(words: str, spec: KindSpec) -> str | None:
    names = set(spec.names)
    for name, keywords in PROFILE_KEYWORDS:
        if name in names and any(re.search(rf"\b{re.escape(k)}", words) for k in keywords):
            return name
    return None


class MappingChoiceError(ValueError):
    """A ``FIELD=HEADER`` choice names a field or header that does not exist; ``valid`` lists what does."""

    def __init__(self, code: str, given: str, valid: list[str]) -> None:
        super().__init__(f"{code}: {given}")
        self.code = code
        self.given = given
        self.valid = valid


def resolve_overrides(
    overrides: dict[str, str | None], headers: list[str], spec: KindSpec
) -> dict[str, str | None]:
    """The user's ``FIELD=HEADER`` choices with both sides matched the way the recogniser matches.

    A field is found by its template name or a synonym, a header by its text
    in any case and spacing (``instansi`` finds ``Instansi``). Anything else is
    a :class:`MappingChoiceError` naming the valid choices, never a silent skip.
    """
    fields: dict[str, str] = {}
    for f in spec.fields:
        for name in (f.name, *f.synonyms):
            fields.setdefault(normalise_header(name), f.name)
    by_header: dict[str, list[str]] = {}
    for header in headers:
        by_header.setdefault(normalise_header(header), []).append(header)
    resolved: dict[str, str | None] = {}
    for name, header in overrides.items():
        field_name = name if name in spec.names else fields.get(normalise_header(name))
        if field_name is None:
            raise MappingChoiceError("map_unknown_field", name, spec.names)
        if header is None or header == "":
            resolved[field_name] = None
            continue
        if header in headers:
            resolved[field_name] = header
            continue
        matches = by_header.get(normalise_header(header), [])
        if len(matches) != 1:
            raise MappingChoiceError("map_unknown_header", header, headers)
        resolved[field_name] = matches[0]
    return resolved
