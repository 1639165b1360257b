"""Validation of an upload with pandera: one schema per kind, built from :mod:`lib.ingest.kinds`.

The schema runs on the cells as the user typed them (index = Excel row, columns
= template names), so pandera's failure cases carry the row and the original
value. Each check is vectorised: it asks the column's parser (values,
labels, references) for the mask of rows that fail one rule, and the parsers
run once per column however many rules look at it. What passes becomes the
typed frame the writers store.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import Engine, select

from lib.ingest import kinds as K
from lib.ingest.columns import ColumnMapping
from lib.ingest.labels import parse_answers
from lib.ingest.problems import ERROR, WARNING, Problem, Verbatim
from lib.ingest.readers import RawTable
from lib.ingest.scales import ColumnScale, apply_corrections, recognise_scales
from lib.ingest.values import (
    Parsed,
    blank_mask,
    clean_text,
    normalise_token,
    parse_choice,
    parse_date,
    parse_nip,
    parse_number,
    parse_period,
    parse_text,
)
from lib.models import UNSUR, Employee, Unit

#: Row problems kept per upload; beyond this the list says how many more there were.
MAX_PROBLEMS = 100_000

#: checks that look at several columns of a row (reported without a column)
_ROW_CHECKS = {"duplicate_row", "no_answers"}


@dataclass
class ImportOptions:
    """What the user said about the file (page widgets or CLI flags)."""

    unit_code: str | None = None
    u8_u9_swapped: bool = False
    skip_invalid: bool = False
    mapping_overrides: dict[str, str | None] = field(default_factory=dict)
    today: date | None = None
    #: the evaluator's corrections of recognised answer scales: unsur -> {value as written: 1-4}
    answer_scales: dict[str, dict[str, int]] = field(default_factory=dict)
    #: leave out rows reported as likely double submissions
    skip_duplicates: bool = False


class References:
    """Stored records an upload may refer to: units (all of them; a city has hundreds) and employees."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @cached_property
    def units(self) -> pd.DataFrame:
        u = Unit.__table__
        query = select(
            u.c.id, u.c.code, u.c.name, u.c.kind, u.c.parent_id, u.c.path, u.c.region, u.c.service_population
        )
        with self.engine.connect() as conn:
            return pd.read_sql(query, conn)

    @cached_property
    def _unit_lookup(self) -> dict[str, int]:
        """Exact code, then code or unique name ignoring case and punctuation."""
        units = self.units
        lookup: dict[str, int] = {}
        for key, ids in self._names.items():
            if len(ids) == 1:
                lookup[f"n:{key}"] = ids[0]
        for code, uid in zip(units["code"], units["id"], strict=True):
            lookup[f"c:{normalise_token(code)}"] = int(uid)
            lookup[f"=:{code}"] = int(uid)
        return lookup

    def unit_id(self, text: str | None) -> int | None:
        if text is None:
            return None
        lookup = self._unit_lookup
        return (
            lookup.get(f"=:{text}")
            or lookup.get(f"c:{normalise_token(text)}")
            or lookup.get(f"n:{normalise_token(text)}")
        )

    @cached_property
    def _names(self) -> dict[str, list[int]]:
        """Unit ids by normalised name, in stored order (a loop: a groupby of 470 one-row groups is slower)."""
        names: dict[str, list[int]] = {}
        for name, uid in zip(self.units["name"], self.units["id"], strict=True):
            names.setdefault(normalise_token(name), []).append(int(uid))
        return names

    def _describe(self, ids: list[int]) -> str:
        units = self.units.set_index("id")
        parts = []
        for uid in ids:
            row = units.loc[uid]
            where = f" ({row['region']})" if isinstance(row["region"], str) and row["region"] else ""
            parts.append(f"{row['code']} – {row['name']}{where}")
        return "; ".join(parts)

    def ambiguous_units(self, text: str) -> str | None:
        """The candidates, with codes, when ``text`` is the name of several units; else None."""
        ids = self._names.get(normalise_token(text), [])
        return self._describe(ids) if len(ids) > 1 else None

    def closest_units(self, text: str, limit: int = 3) -> str:
        """The registered units whose code or name is closest to ``text`` ("PKM-BLW – Puskesmas Belawan")."""
        key = normalise_token(text)
        units = self.units
        by_key: dict[str, list[int]] = {}
        for uid, code, name in zip(units["id"], units["code"], units["name"], strict=True):
            by_key.setdefault(normalise_token(code), []).append(int(uid))
            by_key.setdefault(normalise_token(name), []).append(int(uid))
        close = difflib.get_close_matches(key, list(by_key), n=limit * 2, cutoff=0.75)
        # a name that contains the text, or is contained in it, is close too ("Belawan" → Puskesmas Belawan)
        if len(key) >= 4:
            close += [k for k in by_key if (key in k or k in key) and len(k) >= 4 and k not in close]
        ids = list(dict.fromkeys(uid for k in close for uid in by_key[k]))[:limit]
        return self._describe(ids)

    def unit_code(self, unit_id: int) -> str:
        return str(self.units.set_index("id").at[unit_id, "code"])

    def employee_ids(self, nips: list[str]) -> dict[str, int]:
        e = Employee.__table__
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(nips), 5000):
                chunk = nips[start : start + 5000]
                for nip, eid in conn.execute(select(e.c.nip, e.c.id).where(e.c.nip.in_(chunk))):
                    out[nip] = eid
        return out


@dataclass
class Validated:
    """The outcome of validation: problems, the typed rows that passed, and the rows refused."""

    problems: list[Problem]
    typed: pd.DataFrame
    rejected_rows: list[int]
    rows_total: int
    #: survey answer columns: the scale recognised for each (see :mod:`lib.ingest.scales`)
    scales: dict[str, ColumnScale] = field(default_factory=dict)
    #: rows left out as likely double submissions (the user chose to)
    left_out_rows: list[int] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def file_errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error and p.row is None]


class Validator:
    """Parses and checks one upload of one kind."""

    def __init__(
        self,
        spec: K.KindSpec,
        raw: RawTable,
        mapping: ColumnMapping,
        references: References,
        options: ImportOptions,
    ) -> None:
        self.spec = spec
        self.raw = raw
        self.mapping = mapping
        self.refs = references
        self.options = options
        self.today = options.today or date.today()
        present = [f.name for f in spec.fields if f.name in mapping.fields]
        self.frame = raw.frame[[mapping.fields[n] for n in present]].set_axis(present, axis=1)
        self.present = set(present)
        self._parsed: dict[str, Parsed] = {}
        self.warnings: list[Problem] = []
        self._unit_hints: dict[str, str] = {}

    # ---------------------------------------------------------- parsing

    @cached_property
    def scales(self) -> dict[str, ColumnScale]:
        """Each answer column's scale, recognised from its values, with the evaluator's corrections."""
        present = [u for u in UNSUR if u in self.present]
        if not present:
            return {}
        scales = recognise_scales(self.frame, present)
        return {
            u: apply_corrections(scale, self.options.answer_scales.get(u, {})) for u, scale in scales.items()
        }

    def parsed(self, name: str) -> Parsed:
        if name not in self._parsed:
            self._parsed[name] = self._parse(self.spec.field(name))
        return self._parsed[name]

    def _parse(self, f: K.Field) -> Parsed:
        raw = self.frame[f.name]
        if f.type in (K.TEXT, K.CODE):
            parsed = parse_text(raw, f.max_length, keep_lines=f.name in _LONG_TEXTS)
            if f.type == K.CODE and self.spec.name == "unit":
                parsed.fail("code_slash", parsed.values.map(lambda v: v is not None and "/" in v))
            if self.spec.name == "unit" and f.name == "induk":
                self._check_parents(parsed)
            return parsed
        if f.type == K.UNIT_REF:
            return self._parse_unit_ref(raw)
        if f.type in (K.INT, K.FLOAT):
            return parse_number(raw, integer=f.type == K.INT, minimum=f.minimum, maximum=_maximum(f))
        if f.type == K.DATE:
            parsed = parse_date(raw, today=self.today, keep_time=self.spec.name == "pengaduan")
            self._check_date_order(f.name, parsed)
            return parsed
        if f.type == K.PERIOD:
            return parse_period(raw, today=self.today)
        if f.type == K.NIP:
            parsed = parse_nip(raw)
            if self.spec.name in ("pelatihan", "kinerja"):
                self._resolve_employees(parsed)
            return parsed
        if f.type == K.ANSWER:
            scale = self.scales.get(f.name)
            return parse_answers(raw, f.name, scale.scores if scale is not None and scale.ok else None)
        if f.type == K.GENDER:
            return parse_choice(raw, f.choices)
        if f.name == "metode":
            return self._parse_method(raw)
        parsed = parse_choice(raw, f.choices)
        if f.lenient:
            unknown = parsed.failures.pop("not_a_choice")
            dropped = raw[unknown.to_numpy()]
            column, allowed = self.mapping.header_of(f.name), ", ".join(f.allowed)
            for row, value in zip(dropped.index, dropped.tolist(), strict=True):
                self.warnings.append(
                    Problem(
                        "unknown_choice_dropped",
                        row=int(row),
                        column=column,
                        value=cell_text(value),
                        params={"allowed": allowed},
                        severity=WARNING,
                    )
                )
        return parsed

    def _parse_method(self, raw: pd.Series) -> Parsed:
        text = parse_text(raw, 60).values
        track = parse_choice(raw, K.METHOD_TRACK, code="unknown_method")
        parsed = Parsed(text, failures=track.failures)
        parsed.track = track.values  # type: ignore[attr-defined]
        return parsed

    def _parse_unit_ref(self, raw: pd.Series) -> Parsed:
        text = parse_text(raw).values
        codes, uniques = pd.factorize(text)
        ids = np.array([self.refs.unit_id(u) for u in uniques] + [None], dtype=object)
        take = np.where(codes >= 0, codes, len(uniques))
        unit_ids = pd.Series(ids[take], index=raw.index, dtype=object)
        parsed = Parsed(unit_ids)
        unknown = text.notna() & unit_ids.isna()
        ambiguous_texts = {u for u in pd.unique(text[unknown]) if self.refs.ambiguous_units(u)}
        ambiguous = unknown & text.isin(ambiguous_texts)
        parsed.fail("unit_ambiguous", ambiguous)
        parsed.fail("unknown_unit", unknown & ~ambiguous)
        if self.options.unit_code:
            chosen = self.refs.unit_id(self.options.unit_code)
            differs = unit_ids.notna() & (unit_ids != chosen)
            parsed.fail("unit_conflict", differs)
            parsed.values = unit_ids.where(text.notna(), chosen)
        return parsed

    def _resolve_employees(self, parsed: Parsed) -> None:
        nips = [n for n in pd.unique(parsed.values.dropna())]
        known = self.refs.employee_ids(nips)
        ids = parsed.values.map(known)
        parsed.employee_ids = ids  # type: ignore[attr-defined]
        parsed.fail("unknown_nip", parsed.values.notna() & ids.isna())

    def _check_parents(self, parsed: Parsed) -> None:
        """Parents must exist (stored or in this file), and the hierarchy must not loop."""
        codes = self.parsed("kode_unit").values
        stored = set(self.refs.units["code"])
        in_file = set(codes.dropna())
        parents = parsed.values
        parsed.fail("unknown_parent", parents.notna() & ~parents.isin(stored | in_file))
        parsed.fail("parent_self", parents.notna() & (parents == codes))
        # final parent of every code: the file's word where it speaks, else what is stored
        parent_of = dict(
            zip(
                self.refs.units["code"],
                self.refs.units["parent_id"].map(
                    dict(zip(self.refs.units["id"], self.refs.units["code"], strict=True))
                ),
                strict=True,
            )
        )
        for code, parent in zip(codes, parents, strict=True):
            if code is not None:
                parent_of[code] = parent
        looping = set()
        for start in in_file:
            seen = {start}
            node = parent_of.get(start)
            while isinstance(node, str):
                if node in seen:
                    looping.add(start)
                    break
                seen.add(node)
                node = parent_of.get(node)
        parsed.fail("parent_cycle", codes.isin(looping) & ~(parents == codes))

    def _check_date_order(self, name: str, parsed: Parsed) -> None:
        pairs = {
            ("pelatihan", "tanggal_selesai"): "tanggal_mulai",
            ("pengaduan", "tanggal_selesai"): "tanggal",
        }
        earlier = pairs.get((self.spec.name, name))
        if earlier and earlier in self.present:
            first = self.parsed(earlier)
            start = first.values
            parsed.fail("end_before_start", parsed.values.notna() & start.notna() & (parsed.values < start))
            if hasattr(parsed, "moments") and hasattr(first, "moments"):
                # both times known: an answer minutes before the complaint is as impossible as a day before
                end_at, start_at = parsed.moments, first.moments
                parsed.fail("end_before_start", end_at.notna() & start_at.notna() & (end_at < start_at))

    # ---------------------------------------------------------- row-level rules

    @cached_property
    def duplicate_first_row(self) -> pd.Series:
        """For each row that repeats an earlier one, that earlier row's number (else NaN)."""
        index = self.frame.index
        if self.spec.key:
            if not set(self.spec.key) <= self.present:
                return pd.Series(np.nan, index=index)
            keys = pd.DataFrame({k: self._key_values(k) for k in self.spec.key}, index=index)
            complete = keys.notna().all(axis=1)
            hashed = pd.util.hash_pandas_object(keys.astype(str), index=False)
        else:
            # survey rows have no key: only Google Forms timestamps make identical rows suspicious
            if "tanggal" not in self.present:
                return pd.Series(np.nan, index=index)
            dates = self.parsed("tanggal")
            has_time = getattr(dates, "has_time", pd.Series(False, index=index))
            if not bool(has_time[dates.values.notna()].all()) or not dates.values.notna().any():
                return pd.Series(np.nan, index=index)
            complete = pd.Series(True, index=index)
            hashed = pd.util.hash_pandas_object(self.raw.frame.astype(str), index=False)
        hashed = hashed.where(complete)
        dup = hashed.duplicated(keep="first") & complete
        if not dup.any():
            return pd.Series(np.nan, index=index)
        first = pd.Series(index, index=index).groupby(hashed.to_numpy()).transform("first")
        return first.where(dup)

    def _key_values(self, name: str) -> pd.Series:
        parsed = self.parsed(name)
        return parsed.values.where(~parsed.failed())

    @cached_property
    def no_answers(self) -> pd.Series:
        present = [u for u in UNSUR if u in self.present]
        if not present:
            return pd.Series(False, index=self.frame.index)
        return pd.concat([blank_mask(self.frame[u]) for u in present], axis=1).all(axis=1)

    def _score_or_rating(self) -> pd.Series:
        blanks = [blank_mask(self.frame[n]) for n in ("nilai", "predikat") if n in self.present]
        if not blanks:
            return pd.Series(True, index=self.frame.index)
        out = blanks[0]
        for b in blanks[1:]:
            out = out & b
        return out

    def _program_inconsistent(self, name: str) -> pd.Series:
        """Rows whose programme detail differs from the first row of the same kode_pelatihan."""
        if "kode_pelatihan" not in self.present:
            return pd.Series(False, index=self.frame.index)
        code = self.parsed("kode_pelatihan").values
        values = self.parsed(name).values.astype(str)
        first = values.groupby(code.to_numpy(), dropna=True).transform("first")
        return code.notna() & (values != first)

    # ---------------------------------------------------------- the schema

    def check_masks(self, f: K.Field) -> dict[str, object]:
        """Check code -> function returning the mask of rows that *fail* it."""
        checks: dict[str, object] = {}
        # a blank answer is allowed (left out of that unsur's NRR); the column itself is required
        if f.required and f.type != K.ANSWER and not (f.type == K.UNIT_REF and self.options.unit_code):
            checks["required"] = lambda: blank_mask(self.frame[f.name])
        if (self.spec.name, f.name) == ("pengaduan", "status") and "tanggal_selesai" not in self.present:
            # without an answer date the status cannot be derived, so it must be given
            checks["required"] = lambda: blank_mask(self.frame[f.name])
        codes = _CODES_BY_TYPE.get(f.type, ())
        if f.type == K.CHOICE and f.name == "metode":
            codes = ("unknown_method",)
        elif f.type == K.CHOICE and f.lenient:
            codes = ()
        for code in (*codes, *_EXTRA_CODES.get((self.spec.name, f.name), ())):
            checks[code] = lambda code=code: self.parsed(f.name).failures.get(code, _false(self.frame.index))
        if self.spec.name == "pelatihan" and f.name in _PROGRAM_FIELDS:
            checks["program_inconsistent"] = lambda: self._program_inconsistent(f.name)
        if self.spec.name == "kinerja" and f.name == "nilai":
            checks["score_or_rating"] = self._score_or_rating
        return checks

    def schema(self) -> pa.DataFrameSchema:
        columns: dict[str, pa.Column] = {}
        for f in self.spec.fields:
            required_column = f.required and not (f.type == K.UNIT_REF and self.options.unit_code)
            if f.name not in self.present and not required_column:
                continue
            checks = [
                pa.Check(
                    lambda s, fn=fn: ~fn().reindex(s.index, fill_value=False), name=code, ignore_na=False
                )
                for code, fn in self.check_masks(f).items()
            ]
            columns[f.name] = pa.Column(checks=checks, nullable=True, required=required_column)
        frame_checks = [
            pa.Check(
                lambda d: self.duplicate_first_row.reindex(d.index).isna(),
                name="duplicate_row",
                ignore_na=False,
            )
        ]
        if self.spec.name == "survei":
            frame_checks.append(
                pa.Check(lambda d: ~self.no_answers.reindex(d.index), name="no_answers", ignore_na=False)
            )
        return pa.DataFrameSchema(columns, checks=frame_checks, name=self.spec.name, strict=False)

    # ---------------------------------------------------------- running

    def run(self) -> Validated:
        problems: list[Problem] = self._file_problems()
        rows_total = len(self.frame)
        if not any(p.is_error for p in problems):
            problems.extend(self._row_problems())
            for name in self.present:
                self.parsed(name)  # lenient columns have no check but may warn
        problems.extend(self.warnings)
        errors_by_row = {p.row for p in problems if p.is_error and p.row is not None}
        file_errors = [p for p in problems if p.is_error and p.row is None]
        rejected = sorted(int(r) for r in errors_by_row if r is not None)
        left_out: list[int] = []
        if not file_errors:
            doubles = self.likely_duplicates
            doubles = doubles[doubles.notna() & ~doubles.index.isin(rejected)]
            problems.extend(
                Problem(
                    "likely_duplicate_left_out" if self.options.skip_duplicates else "likely_duplicate",
                    row=int(row),
                    params={"first_row": int(first)},
                    severity=WARNING,
                )
                for row, first in doubles.items()
            )
            if self.options.skip_duplicates:
                left_out = [int(r) for r in doubles.index]
        typed = pd.DataFrame()
        if not file_errors:
            keep = ~self.frame.index.isin(rejected) & ~self.frame.index.isin(left_out)
            typed = self.typed_frame().loc[keep]
        return Validated(
            problems=problems,
            typed=typed,
            rejected_rows=rejected,
            rows_total=rows_total,
            scales=self.scales,
            left_out_rows=left_out,
        )

    @cached_property
    def likely_duplicates(self) -> pd.Series:
        """For each row that looks like a second submission of an earlier one, that row's number (else NaN).

        Complaints: the same text (ignoring case, spacing and punctuation) about
        the same unit on the same day, under another number. Survey responses:
        the same unit, day, respondent profile, nine answers and suggestion,
        when the row says enough about its respondent (a profile field or a
        suggestion) for the coincidence to be unlikely. Identical rows already
        refused as duplicates are not reported twice.
        """
        index = self.frame.index
        nothing = pd.Series(np.nan, index=index)
        if self.spec.name == "pengaduan":
            if not {"isi", "tanggal"} <= self.present:
                return nothing
            codes, uniques = pd.factorize(self.parsed("isi").values)
            tokens = np.array([normalise_token(u) for u in uniques] + [None], dtype=object)
            text = pd.Series(tokens[np.where(codes >= 0, codes, len(uniques))], index=index)
            parts = {"text": text, "day": self.parsed("tanggal").values}
            parts["unit"] = self._unit_key()
            usable = text.notna() & (text.str.len() >= 10)
        elif self.spec.name == "survei":
            if "tanggal" not in self.present:
                return nothing
            parts = {"day": self.parsed("tanggal").values.dt.normalize(), "unit": self._unit_key()}
            described = pd.Series(False, index=index)
            for name in (
                "jenis_kelamin",
                "usia",
                "pendidikan",
                "pekerjaan",
                "jenis_layanan",
                "saran",
                *UNSUR,
            ):
                if name in self.present:
                    # factorised codes: equal cells, equal codes; a million rows hash in a moment
                    parts[name] = pd.Series(pd.factorize(self.frame[name])[0], index=index)
                    if name not in UNSUR:
                        described |= ~blank_mask(self.frame[name])
            # a suggestion written twice, or a Google Forms timestamp minutes apart (checked below)
            with_time = getattr(self.parsed("tanggal"), "has_time", pd.Series(False, index=index))
            saran = (
                ~blank_mask(self.frame["saran"]) if "saran" in self.present else pd.Series(False, index=index)
            )
            usable = described & (saran | with_time)
        else:
            return nothing
        keys = pd.DataFrame(parts, index=index)
        keys = keys.astype({k: str for k in keys.columns if keys[k].dtype == object})
        already = self.duplicate_first_row.notna()
        usable = usable & ~already & parts["day"].notna()
        hashed = pd.util.hash_pandas_object(keys, index=False).where(usable)
        dup = hashed.duplicated(keep="first") & usable
        if not dup.any():
            return nothing
        first = pd.Series(index, index=index).groupby(hashed.to_numpy()).transform("first")
        first = first.where(dup)
        if self.spec.name == "survei":
            first = first.where(~dup | self._submitted_soon_after(first, saran))
        return first if first.notna().any() else nothing

    def _submitted_soon_after(self, first: pd.Series, saran: pd.Series, minutes: int = 30) -> pd.Series:
        """For survey rows repeating an earlier one: True when the suggestion is written, or the two timestamps are close.

        Only the candidate rows and their first rows have their time of day read.
        """
        rows = first.dropna()
        wanted = pd.Index(rows.index).union(pd.Index(rows.astype(int).to_numpy()))
        parsed = parse_date(self.frame.loc[wanted, "tanggal"], today=self.today, keep_time=True)
        moments = parsed.moments  # type: ignore[attr-defined]
        gap = moments.reindex(rows.index).to_numpy() - moments.reindex(rows.astype(int).to_numpy()).to_numpy()
        close = pd.Series(np.abs(gap) <= np.timedelta64(minutes, "m"), index=rows.index)
        out = saran.copy()
        out.loc[rows.index] = saran.loc[rows.index] | close
        return out

    def _unit_key(self) -> pd.Series:
        if "kode_unit" in self.present:
            return self.parsed("kode_unit").values.astype(str)
        return pd.Series(self.options.unit_code or "", index=self.frame.index)

    def _file_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.mapping.legacy_unsur:
            problems.append(
                Problem("legacy_14_unsur", params={"columns": ", ".join(self.mapping.legacy_unsur)})
            )
        if self.options.unit_code and self.refs.unit_id(self.options.unit_code) is None:
            problems.append(Problem("unknown_option_unit", value=self.options.unit_code))
        for header, name in self.mapping.duplicates.items():
            problems.append(
                Problem(
                    "duplicate_column",
                    column=header,
                    params={"field": name, "other": self.mapping.fields[name]},
                    severity=WARNING,
                )
            )
        if self.spec.name == "survei":
            problems.extend(self._scale_problems())
        if self.spec.name == "pengaduan" and not {"status", "tanggal_selesai"} & self.present:
            f = self.spec.field("status")
            problems.append(
                Problem(
                    "missing_status",
                    column="status",
                    params={"alternatives": ", ".join(f.synonyms[1:5])},
                )
            )
        return problems

    def _scale_problems(self) -> list[Problem]:
        """A 1–5 or mixed-scale questionnaire is refused as a whole, with one message.

        Its scores cannot be averaged with 1–4 ones; a row-by-row list of
        "answer not recognised" would hide that the whole file is on another scale.
        """
        refused = [(u, s) for u, s in self.scales.items() if not s.ok]
        if refused:
            unsur, scale = refused[0]
            code = "scale_mixed" if scale.refused == "mixed" else "scale_5_levels"
            return [
                Problem(
                    code,
                    column=self.mapping.header_of(unsur),
                    params={
                        "column": self.mapping.header_of(unsur),
                        "values": " / ".join(scale.values[:8]),
                        "columns": _listed([self.mapping.header_of(u) for u, _ in refused]),
                    },
                )
            ]
        fives = []
        for unsur in UNSUR:
            if unsur not in self.present:
                continue
            values = self.parsed(unsur).values
            if (values == 5).any() and values.dropna().between(1, 5).all():
                fives.append(self.mapping.header_of(unsur))
        if fives:
            return [Problem("scale_1_5", params={"columns": ", ".join(fives)})]
        return []

    def _all_checks_pass(self) -> bool:
        """True when the schema would find nothing: every required column there, no check failing.

        The same masks the schema's checks ask for (each parsed column is cached), so
        a clean file, the usual case, is not also walked through pandera's machinery;
        a file with any failure goes through pandera for its failure cases.
        """
        for f in self.spec.fields:
            required_column = f.required and not (f.type == K.UNIT_REF and self.options.unit_code)
            if f.name not in self.present:
                if required_column:
                    return False
                continue
            for fn in self.check_masks(f).values():
                if bool(fn().any()):  # type: ignore[operator]
                    return False
        if self.duplicate_first_row.notna().any():
            return False
        return not (self.spec.name == "survei" and self.no_answers.any())

    def _row_problems(self) -> list[Problem]:
        try:
            clean = self._all_checks_pass()
        except Exception:  # noqa: BLE001 - a check that cannot run is pandera's to report, as before
            clean = False
        if clean:
            return []
        try:
            # inplace on a shallow copy: pandera then neither deep-copies a big frame nor keeps it registered
            shallow = self.frame.copy(deep=False)
            self.schema().validate(shallow, lazy=True, inplace=True)
            return []
        except pa.errors.SchemaErrors as exc:
            cases = exc.failure_cases
        problems: list[Problem] = []
        seen_row_checks: set[tuple[str, int]] = set()
        for case in cases.itertuples(index=False):
            check = str(case.check)
            if check == "column_in_dataframe":
                f = self.spec.field(str(case.failure_case))
                problems.append(
                    Problem(
                        "missing_column",
                        column=f.name,
                        params={"column": f.name, "alternatives": ", ".join(f.synonyms[1:5])},
                    )
                )
                continue
            row = None if pd.isna(case.index) else int(case.index)
            if check in _ROW_CHECKS:
                if (check, row) in seen_row_checks:
                    continue
                seen_row_checks.add((check, row))
                params: dict[str, object] = {}
                if check == "duplicate_row":
                    params["first_row"] = int(self.duplicate_first_row.at[row])
                problems.append(Problem(check, row=row, params=params))
                continue
            name = str(case.column)
            f = self.spec.field(name)
            params = self._params(f, check, row)
            if check == "unknown_unit" and str(params.get("candidates", "")):
                check = "unknown_unit_close"  # the message then says which registered units are close
            problems.append(
                Problem(
                    check,
                    row=row,
                    column=self.mapping.header_of(name),
                    value=cell_text(case.failure_case),
                    params=params,
                    severity=ERROR,
                )
            )
            if len(problems) >= MAX_PROBLEMS:
                problems.append(Problem("too_many_problems", params={"count": len(cases)}))
                break
        problems.sort(key=lambda p: (p.row is not None, p.row or 0))
        return problems

    def _params(self, f: K.Field, check: str, row: int | None) -> dict[str, object]:
        params: dict[str, object] = {
            "field": f.name,
            "minimum": _num(f.minimum),
            "maximum": _num(_maximum(f)),
            "max_length": f.max_length,
            "allowed": ", ".join(f.allowed),
            "today": self.today.isoformat(),
            "unit": self.options.unit_code or "",
            "range": _range_text(f.minimum, _maximum(f)),
        }
        if check in ("unknown_unit", "unit_ambiguous") and row is not None:
            text = clean_text(self.frame.at[row, f.name]) or ""
            if text not in self._unit_hints:
                hint = (
                    self.refs.ambiguous_units(text)
                    if check == "unit_ambiguous"
                    else self.refs.closest_units(text)
                )
                self._unit_hints[text] = hint or ""
            params["candidates"] = Verbatim(self._unit_hints[text])
        if f.type == K.ANSWER:
            from lib.ingest.labels import LABELS

            params["labels"] = " / ".join(LABELS[f.name])
        if check == "program_inconsistent" and row is not None:
            code = self.parsed("kode_pelatihan").values
            same = code[code == code.at[row]]
            params["first_row"] = int(same.index[0])
        if check == "end_before_start":
            other = "tanggal_mulai" if self.spec.name == "pelatihan" else "tanggal"
            params["other"] = self.mapping.header_of(other)
        return params

    # ---------------------------------------------------------- typed output

    def typed_frame(self) -> pd.DataFrame:
        """Template names to typed values (plus derived columns the writers need)."""
        out = pd.DataFrame(index=self.frame.index)
        for f in self.spec.fields:
            if f.type == K.UNIT_REF:
                if f.name in self.present:
                    out["unit_id"] = self.parsed(f.name).values
                elif self.options.unit_code:
                    out["unit_id"] = self.refs.unit_id(self.options.unit_code)
                continue
            if f.name not in self.present:
                continue
            parsed = self.parsed(f.name)
            out[f.name] = parsed.values
            if f.type == K.PERIOD:
                out[f.name + "_start"] = parsed.starts  # type: ignore[attr-defined]
                out[f.name + "_end"] = parsed.ends  # type: ignore[attr-defined]
            if f.name == "metode":
                out["track"] = parsed.track  # type: ignore[attr-defined]
            if f.type == K.NIP and hasattr(parsed, "employee_ids"):
                out["employee_id"] = parsed.employee_ids  # type: ignore[attr-defined]
            if hasattr(parsed, "moments"):
                out[f.name + "_waktu"] = parsed.moments  # type: ignore[attr-defined]
        if self.spec.name == "pengaduan":
            self._complaint_derived(out)
        return out

    def _complaint_derived(self, out: pd.DataFrame) -> None:
        """Status from the answer date where the file gives none; the channel's own topic kept verbatim."""
        if "tanggal_selesai" in out:
            answered = out["tanggal_selesai"].notna()
            derived = pd.Series(np.where(answered, "selesai", "belum"), index=out.index, dtype=object)
            out["status"] = (
                out["status"].where(out["status"].notna(), derived) if "status" in out else derived
            )
        if "kategori_sumber" not in out and "kategori" in self.present:
            out["kategori_sumber"] = parse_text(self.frame["kategori"], 200).values


_CODES_BY_TYPE: dict[str, tuple[str, ...]] = {
    K.TEXT: ("too_long", "control_character"),
    K.CODE: ("too_long", "code_slash", "control_character"),
    K.UNIT_REF: ("unknown_unit", "unit_ambiguous", "unit_conflict"),
    K.INT: ("not_a_number", "not_whole", "out_of_range"),
    K.FLOAT: ("not_a_number", "out_of_range"),
    K.DATE: ("not_a_date", "impossible_date", "future_date", "too_old"),
    K.PERIOD: ("not_a_period", "future_period", "too_old"),
    K.NIP: ("nip_as_number", "nip_format", "nip_birth_date", "nip_start_date", "nip_gender"),
    K.ANSWER: ("not_an_answer", "answer_off_scale"),
    K.CHOICE: ("not_a_choice",),
    K.GENDER: ("not_a_choice",),
}
_EXTRA_CODES: dict[tuple[str, str], tuple[str, ...]] = {
    ("unit", "induk"): ("unknown_parent", "parent_self", "parent_cycle"),
    ("pelatihan", "nip"): ("unknown_nip",),
    ("kinerja", "nip"): ("unknown_nip",),
    ("pelatihan", "tanggal_selesai"): ("end_before_start",),
    ("pengaduan", "tanggal_selesai"): ("end_before_start",),
}
#: free texts whose line breaks are kept
_LONG_TEXTS = ("isi", "saran")
_PROGRAM_FIELDS = ("nama_pelatihan", "jenis_kompetensi", "metode", "tanggal_mulai", "tanggal_selesai", "jp")


def _listed(names: list[str], shown: int = 3) -> str:
    """``a, b, c (+6)``: a short list for a one-line message."""
    text = ", ".join(names[:shown])
    return f"{text} (+{len(names) - shown})" if len(names) > shown else text


def _false(index: pd.Index) -> pd.Series:
    return pd.Series(False, index=index)


#: The largest whole number an INTEGER column holds on PostgreSQL (SQLite would take more).
INT_COLUMN_MAX = 2_147_483_647


def _maximum(f: K.Field) -> float | None:
    """A field's upper bound; a whole-number field without one is bounded by its column."""
    return f.maximum if f.maximum is not None or f.type != K.INT else INT_COLUMN_MAX


def _range_text(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{_num(minimum)}–{_num(maximum)}"
    if minimum is not None:
        return f"≥ {_num(minimum)}"
    if maximum is not None:
        return f"≤ {_num(maximum)}"
    return ""


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def cell_text(value: object) -> str | None:
    """A cell as the user typed it (numbers Excel or pandas read as 4.0 shown as 4); None when empty."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != datetime.min.time() else value.date().isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return clean_text(value) if not isinstance(value, str) else value
