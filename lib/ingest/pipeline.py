"""From an uploaded file to a validated, previewable import, and from there into the database.

:func:`prepare_upload` reads, recognises columns and validates without writing
anything: the page shows its preview, mapping and problems, the CLI's
``--dry-run`` prints them. :func:`import_upload` then writes the prepared rows
in one transaction (see :mod:`lib.ingest.writers`), or refuses.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine

from lib.i18n import DEFAULT_LANGUAGE, translate
from lib.ingest.columns import ColumnMapping, MappingChoiceError, recognise_columns, resolve_overrides
from lib.ingest.kinds import ANSWER, INT, KINDS, KindSpec, kind_spec
from lib.ingest.problems import Problem, Verbatim
from lib.ingest.readers import FileProblem, RawTable, read_table
from lib.ingest.schemas import ImportOptions, References, Validated, Validator, cell_text
from lib.settings import get_settings

Progress = Callable[[float, str], None]


@dataclass
class PreparedUpload:
    """Everything known about an upload before it is written."""

    kind: str
    file_name: str
    content_hash: str
    options: ImportOptions
    raw: RawTable | None = None
    mapping: ColumnMapping | None = None
    validated: Validated | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def file_errors(self) -> list[Problem]:
        return [p for p in self.errors if p.row is None]

    @property
    def rows_total(self) -> int:
        return self.validated.rows_total if self.validated else 0

    @property
    def rows_valid(self) -> int:
        return len(self.validated.typed) if self.validated else 0

    @property
    def rows_left_out(self) -> int:
        """Rows the user chose to leave out as likely double submissions."""
        return len(self.validated.left_out_rows) if self.validated else 0

    @property
    def rows_rejected(self) -> int:
        return len(self.validated.rejected_rows) if self.validated else 0

    @property
    def can_import(self) -> bool:
        """True when writing would store something and the user's choices allow it."""
        if self.file_errors or self.validated is None or self.rows_valid == 0:
            return False
        return not self.errors or self.options.skip_invalid

    def preview(self, rows: int = 20) -> pd.DataFrame:
        """The first rows as the file has them, with Excel row numbers as the index."""
        if self.raw is None:
            return pd.DataFrame()
        head = self.raw.frame.head(rows)
        return pd.DataFrame(
            {c: [cell_text(v) or "" for v in head[c]] for c in head.columns}, index=head.index
        )

    def mapping_table(self, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
        """Template column, the file's column, how it was recognised, required or not."""
        spec = kind_spec(self.kind)
        mapping = self.mapping or ColumnMapping()
        rows = []
        for f in spec.fields:
            rows.append(
                {
                    translate("ingest.col.field", lang): f.name,
                    translate("ingest.col.source", lang): mapping.fields.get(f.name, ""),
                    translate("ingest.col.how", lang): translate(
                        f"ingest.how.{mapping.how.get(f.name, 'missing')}", lang
                    ),
                    translate("ingest.col.required", lang): translate(
                        "ingest.yes" if f.required else "ingest.no", lang
                    ),
                }
            )
        return pd.DataFrame(rows)

    def scale_table(self, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
        """Per survey answer column written as labels: each value found, its score 1–4, and how it was found.

        The upload page shows this so that the evaluator sees, and may correct,
        how "Sangat Sesuai" or "4. Baik" became a number.
        """
        scales = self.validated.scales if self.validated else {}
        rows = []
        for unsur, scale in scales.items():
            if scale.how == "numeric" or (scale.how == "single" and not scale.scores):
                continue
            values = scale.values if scale.refused else sorted(scale.scores, key=scale.scores.__getitem__)
            for value in values:
                rows.append(
                    {
                        "unsur": unsur,
                        translate("ingest.col.source", lang): self.mapping.header_of(unsur)
                        if self.mapping
                        else unsur,
                        translate("ingest.col.value", lang): value,
                        translate("ingest.col.score", lang): scale.scores.get(value),
                        translate("ingest.col.how", lang): translate(
                            f"ingest.scale.{scale.refused or scale.how}", lang
                        ),
                    }
                )
        return pd.DataFrame(rows)


def content_hash(data: bytes, kind: str, options: ImportOptions) -> str:
    """SHA-256 of the file, salted with the choices that change what it means.

    The same bytes imported with another ``--unit`` or U8/U9 order are another
    import; the same bytes with the same choices are recognised as a repeat.
    """
    digest = hashlib.sha256(data)
    signature: dict[str, object] = {
        "kind": kind,
        "unit": options.unit_code or "",
        "swapped": bool(options.u8_u9_swapped),
        "mapping": sorted((k, v or "") for k, v in options.mapping_overrides.items()),
    }
    if options.answer_scales:
        signature["scales"] = sorted(
            (u, sorted(scores.items())) for u, scores in options.answer_scales.items() if scores
        )
    if options.skip_duplicates:
        signature["skip_duplicates"] = True
    if signature != {"kind": kind, "unit": "", "swapped": False, "mapping": []}:
        digest.update(json.dumps(signature, sort_keys=True).encode())
    return digest.hexdigest()


def _numeric_headers(spec: KindSpec, options: ImportOptions) -> Callable[[list[str]], set[str]]:
    """Headers the CSV reader may parse as numbers straight away (answers and small integers)."""

    def infer(headers: list[str]) -> set[str]:
        mapping = recognise_columns(headers, spec, u8_u9_swapped=options.u8_u9_swapped)
        if options.mapping_overrides:
            with contextlib.suppress(MappingChoiceError):  # reported by prepare_upload
                mapping = mapping.with_overrides(
                    resolve_overrides(options.mapping_overrides, headers, spec), headers
                )
        fast = {f.name for f in spec.fields if f.type == ANSWER or (f.type == INT and f.name == "usia")}
        return {h for name, h in mapping.fields.items() if name in fast}

    return infer


def prepare_upload(
    data: bytes,
    file_name: str,
    kind: str,
    engine: Engine,
    options: ImportOptions | None = None,
) -> PreparedUpload:
    """Read and validate an upload; writes nothing."""
    options = options or ImportOptions()
    spec = kind_spec(kind)
    prepared = PreparedUpload(
        kind=spec.name,
        file_name=file_name,
        content_hash=content_hash(data, spec.name, options),
        options=options,
    )
    limit = get_settings().max_upload_mb
    if len(data) > limit * 1024 * 1024:
        prepared.problems.append(Problem("too_large", params={"limit": limit}))
        return prepared
    try:
        raw = read_table(data, file_name, _numeric_headers(spec, options))
    except FileProblem as exc:
        prepared.problems.append(Problem(exc.code, params=dict(exc.params)))
        return prepared
    prepared.raw = raw
    mapping = recognise_columns(raw.headers, spec, u8_u9_swapped=options.u8_u9_swapped)
    if options.mapping_overrides:
        try:
            overrides = resolve_overrides(options.mapping_overrides, raw.headers, spec)
        except MappingChoiceError as exc:
            prepared.problems.append(
                Problem(exc.code, value=exc.given, params={"valid": Verbatim(", ".join(exc.valid))})
            )
            return prepared
        mapping = mapping.with_overrides(overrides, raw.headers)
    prepared.mapping = mapping
    wrong = _wrong_kind(raw.headers, spec, mapping, options)
    if wrong:
        prepared.problems.append(wrong)
        return prepared
    validator = Validator(spec, raw, mapping, References(engine), options)
    validated = validator.run()
    prepared.validated = validated
    prepared.problems.extend(validated.problems)
    return prepared


def _wrong_kind(
    headers: list[str], spec: KindSpec, mapping: ColumnMapping, options: ImportOptions
) -> Problem | None:
    """A file that fits another kind better than the chosen one was probably meant as that kind: say so."""
    required = [
        f.name for f in spec.fields if f.required and not (f.name == "kode_unit" and options.unit_code)
    ]
    found = sum(1 for name in required if name in mapping.fields)
    if found == len(required):
        return None
    own_share = found / max(len(required), 1)
    best, best_share = None, own_share
    for other in KINDS.values():
        if other.name == spec.name:
            continue
        other_required = [f.name for f in other.fields if f.required]
        recognised = recognise_columns(headers, other)
        share = sum(1 for name in other_required if name in recognised.fields) / len(other_required)
        if share > best_share:
            best, best_share = other.name, share
    params = {"kind": spec.name, "expected": ", ".join(required), "headers": ", ".join(headers[:8])}
    if best is not None and best_share >= 0.5:
        return Problem("wrong_kind", params={**params, "suggestion": best})
    if found == 0:
        return Problem("no_known_columns", params=params)
    return None
