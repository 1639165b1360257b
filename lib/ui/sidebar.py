"""The sidebar every page shares: language, period, wilayah and unit drill-down.

Widgets keep their own keys (prefixed ``telaah_``) so their values survive page
switches; the resulting :class:`~lib.ui.state.Filters` is stored once per run
for pages to read with ``get_filters()``. The filters are also kept in the page's
address (``?periode=last12&wilayah=Medan+Utara&unit=KEC-MBLW``, see
:mod:`lib.ui.url_state`), so a view can be bookmarked or sent to a colleague.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from lib.coverage import PRESETS, SourceCoverage, period_anchor, preset_range
from lib.i18n import LANGUAGES
from lib.queries.coverage import data_coverage
from lib.queries.units import CITY, Scope, list_regions, list_units
from lib.ui.data import cached, engine
from lib.ui.freshness import updated_line
from lib.ui.i18n import day, t
from lib.ui.state import LANG_KEY, Filters, get_lang, set_filters
from lib.ui.streamlit_text import localise_date_inputs
from lib.ui.url_state import apply_request, read_request, write_filters

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


@cached()
def _units(eng: Engine) -> pd.DataFrame:
    return list_units(eng, Scope())


@cached()
def _regions(eng: Engine) -> list[str]:
    return list_regions(eng)


@cached()
def coverage(eng: Engine) -> dict[str, SourceCoverage]:
    """Per source (SKM, complaints, services): how far the city's data goes and is complete."""
    return data_coverage(eng)


def data_anchor(eng: Engine, today: date) -> date:
    """The last day of the last month complete for every source (see :mod:`lib.coverage`)."""
    return period_anchor(coverage(eng), today)


def coverage_caption(eng: Engine) -> str:
    """ "Data sampai: SKM 31 Oktober 2026 · Pengaduan … · Layanan …", naming a source whose last month is partial."""
    parts = []
    for source, entry in coverage(eng).items():
        if not entry.has_data:
            continue
        if entry.complete_through is not None and entry.complete_through < entry.last_day:
            parts.append(
                t(
                    "sidebar.coverage.partial",
                    source=t(f"source.{source}"),
                    complete=day(entry.complete_through),
                    last=day(entry.last_day),
                )
            )
        else:
            parts.append(t("sidebar.coverage.source", source=t(f"source.{source}"), last=day(entry.last_day)))
    return t("sidebar.coverage", sources=" · ".join(parts)) if parts else ""


def visible_units(units: pd.DataFrame, allowed: Scope) -> pd.DataFrame:
    """The units a viewer may pick: the subtree of their scope (everything for the city)."""
    if allowed.path_prefix:
        units = units[units["path"].str.startswith(allowed.path_prefix)]
    if allowed.region:
        units = units[units["region"] == allowed.region]
    return units


def visible_regions(regions: list[str], units: pd.DataFrame) -> list[str]:
    """The wilayah list offers only areas holding a unit the viewer may see."""
    present = set(units["region"].dropna()) if "region" in units else set()
    return [r for r in regions if r in present]


def scope_root_name(units: pd.DataFrame, allowed: Scope) -> str | None:
    """Name of the unit at the top of a restricted scope (a camat's kecamatan); None for the city."""
    if not allowed.path_prefix:
        return None
    match = units[units["path"] == allowed.path_prefix]
    return None if match.empty else str(match.iloc[0]["name"])


def scope_label(
    unit_name: str | None, region: str | None, root_name: str, *, region_label: str | None = None
) -> str:
    """Whose figures the page shows: the chosen unit, else the chosen wilayah, else the viewer's
    whole scope (their unit's name, or the city)."""
    if unit_name:
        return unit_name
    if region:
        return region_label or region
    return root_name


def current_scope_label() -> str:
    """Whose figures this run's page shows ("Kota Medan", a wilayah, a unit's name)."""
    from lib.ui.state import get_filters

    return get_filters().scope_label or t("sidebar.city")


def scoped_title(title: str) -> str:
    """A page title that names whose figures follow: "Ringkasan · Kecamatan Medan Belawan"."""
    return f"{title} · {current_scope_label()}"


def language_switch() -> str:
    current = get_lang()
    choice = st.sidebar.selectbox(
        t("sidebar.language"),
        LANGUAGES,
        index=LANGUAGES.index(current),
        format_func=LANGUAGE_NAMES.get,
        key="telaah_lang_select",
    )
    if choice != current:
        st.session_state[LANG_KEY] = choice
        st.rerun()
    return choice


def _choose(label: str, options: list[str], format_func, name: str) -> str:  # type: ignore[no-untyped-def]
    """A sidebar selectbox whose choice survives page switches *and* language switches.

    The chosen value is kept under ``name``; the widget's own key carries the
    language, because Streamlit keeps showing a keyed selectbox's old option
    label after the labels change.
    """
    value = st.session_state.get(name, options[0] if options else "")
    index = options.index(value) if value in options else 0
    choice = st.sidebar.selectbox(
        label, options, index=index, format_func=format_func, key=f"{name}__{get_lang()}"
    )
    st.session_state[name] = choice
    return choice


@dataclass(frozen=True)
class UnitChoices:
    """The drill-down's options for one viewer scope and wilayah: for each unit code (``""`` for
    the top), its sub-units' codes sorted by name, and each unit's row."""

    children: dict[str, tuple[str, ...]]
    rows: dict[str, dict[str, Any]]


def unit_choices(units: pd.DataFrame) -> UnitChoices:
    """Group ``units`` (already cut to the viewer's scope and wilayah) by parent, once: a unit
    whose parent is outside ``units`` is at the top."""
    ordered = units.sort_values("name", kind="stable")
    ids = set(ordered["id"])
    code_of = dict(zip(ordered["id"], ordered["code"], strict=True))
    children: dict[str, list[str]] = {"": []}
    rows: dict[str, dict[str, Any]] = {}
    for row in ordered[["id", "code", "name", "path", "parent_id"]].itertuples(index=False):
        parent = row.parent_id
        parent_code = code_of[int(parent)] if pd.notna(parent) and parent in ids else ""
        children.setdefault(parent_code, []).append(str(row.code))
        rows[str(row.code)] = {
            "id": int(row.id),
            "code": str(row.code),
            "name": str(row.name),
            "path": str(row.path),
        }
    return UnitChoices({code: tuple(codes) for code, codes in children.items()}, rows)


@cached()
def _unit_choices(
    eng: Engine, path_prefix: str | None, allowed_region: str | None, region: str
) -> UnitChoices:
    """:func:`unit_choices` for a viewer's scope and wilayah, kept: it was ~5 ms of pandas on
    every run of every page for a city's ~470 units."""
    units = visible_units(_units(eng), Scope(path_prefix=path_prefix, region=allowed_region))
    if region:
        units = units[units["region"] == region]
    return unit_choices(units)


def _unit_drilldown(choices: UnitChoices) -> dict[str, Any] | None:
    """Cascading selectboxes from top-level units down the hierarchy; returns the deepest chosen unit."""
    chosen: dict[str, Any] | None = None
    level, codes = 0, choices.children.get("", ())
    while codes:
        parent_name = None if chosen is None else chosen["name"]
        label = t("sidebar.unit") if chosen is None else t("sidebar.subunit", parent=parent_name)
        none_label = (
            t("sidebar.all_units") if chosen is None else t("sidebar.all_subunits", parent=parent_name)
        )
        code = _choose(
            label,
            ["", *codes],
            lambda c, rows=choices.rows, none=none_label: none if c == "" else rows[c]["name"],
            f"telaah_unit_{level}",
        )
        if not code:
            break
        chosen = choices.rows[code]
        codes = choices.children.get(code, ())
        level += 1
    # Forget deeper choices left over from an earlier drill-down.
    for stale in range(level + 1, 8):
        st.session_state.pop(f"telaah_unit_{stale}", None)
        for lang in LANGUAGES:
            st.session_state.pop(f"telaah_unit_{stale}__{lang}", None)
    return chosen


def render_sidebar(allowed: Scope = CITY, page: str | None = None) -> Filters:
    """Draw the shared filters and store the result for the pages of this run.

    ``allowed`` is the scope the signed-in user may see; the drill-down starts
    inside it, and the data layer enforces it again whatever the widgets say.
    ``page`` (the page's address) narrows the "Data diperbarui" line to the
    sources that page reads; without it every reader-facing source is listed.
    """
    st.sidebar.subheader(t("sidebar.filters"))
    eng = engine()  # migrated before the first query
    today = date.today()
    anchor = data_anchor(eng, today)
    all_units = _units(eng)
    units = visible_units(all_units, allowed)
    regions = visible_regions(_regions(eng), units)
    root_name = scope_root_name(all_units, allowed) or t("sidebar.city")
    request = read_request(today)
    if request is not None:
        refused = apply_request(request, units=units, all_units=all_units, regions=regions)
        for what in refused:
            st.warning(t("url.out_of_scope", choice=what, scope=root_name), icon=":material/block:")
    preset = _choose(
        t("sidebar.period"), list(PRESETS), lambda p: t(f"sidebar.period.{p}"), "telaah_period_preset"
    )
    date_from, date_to = preset_range(preset, anchor)
    if preset == "custom":
        initial = {} if "telaah_dates" in st.session_state else {"value": (date_from, date_to)}
        picked = st.sidebar.date_input(
            t("sidebar.dates"),
            max_value=today,
            key="telaah_dates",
            format="DD/MM/YYYY",
            **initial,  # type: ignore[arg-type]
        )
        if isinstance(picked, tuple) and len(picked) == 2:
            date_from, date_to = picked
        localise_date_inputs()  # Streamlit's own English quick-select, hidden in Indonesian

    saved_region = st.session_state.get("telaah_region")
    if saved_region and saved_region not in regions:
        st.sidebar.warning(t("sidebar.out_of_scope", choice=saved_region, scope=root_name))
        st.session_state["telaah_region"] = ""
    region = _choose(
        t("sidebar.region"),
        ["", *regions],
        lambda r: t("sidebar.all_regions") if r == "" else r,
        "telaah_region",
    )
    chosen = _unit_drilldown(_unit_choices(eng, allowed.path_prefix, allowed.region, region))
    filters = Filters(
        date_from=date_from,
        date_to=date_to,
        region=region or None,
        unit_id=None if chosen is None else int(chosen["id"]),
        unit_code=None if chosen is None else str(chosen["code"]),
        unit_path=(str(chosen["path"]) if chosen is not None else allowed.path_prefix),
        scope_label=scope_label(
            None if chosen is None else str(chosen["name"]),
            region or None,
            root_name,
            region_label=t("sidebar.region_scope", region=region) if region else None,
        ),
    )
    set_filters(filters)
    write_filters(preset, filters)
    sidebar_footer(eng, filters.scope_label, page)
    return filters


def footer_lines(scope: str, coverage: str, updated: str) -> str:
    """Whose figures, how far the data goes, when it last changed: one caption, a line each
    (markdown line breaks), leaving out a line that has nothing to say."""
    lines = [t("sidebar.scope", scope=scope), coverage, updated]
    return "  \n".join(line for line in lines if line)


def sidebar_footer(eng: Engine, scope: str, page: str | None) -> None:
    """The caption under the filters. One element, not three: every element is redrawn by the
    browser on every filter change of every page (about 1 ms each, more for alerts and charts)."""
    help_text = f"{t('sidebar.coverage.note')}\n\n{t('updated.help')}"
    st.sidebar.caption(
        footer_lines(scope, coverage_caption(eng), updated_line(get_lang(), page)), help=help_text
    )
