"""``python -m lib serve``: start the dashboard with its libraries already loaded.

Why: Streamlit imports a page's modules on the first script run, inside the first
visitor's request. For Telaah that is pandas, SQLAlchemy, SQLModel, Plotly, Babel,
Alembic and the ``lib`` modules, 2–4 CPU-seconds, which every first visit after a
restart (every morning, every deploy) paid on top of the page itself. Here they are
imported in the server process *before* it accepts connections, the schema is checked
and the background worker is started, so the first visitor meets a warm process. The
server is then started through Streamlit's own command line (``streamlit run``), so every
``--server.*`` / ``--client.*`` option and ``.streamlit/config.toml`` work as usual:

    python -m lib serve                       # = streamlit run app.py, preloaded
    python -m lib serve --server.port=8502 --server.address=127.0.0.1

What is imported is read from the app itself (the imports of ``app.py`` and of every
page under ``views/``, with what they import in turn), so moving code between modules
never leaves this list behind. Heavy libraries that pages load only on demand
(scikit-learn, scipy, statsmodels, the PDF builder) are not imported: they stay out of
the server's memory until someone needs them.
"""

from __future__ import annotations

import ast
import gc
import importlib
import logging
import os
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from lib.settings import ROOT

log = logging.getLogger(__name__)

APP = ROOT / "app.py"
VIEWS = ROOT / "views"
#: Modules the pages reach only inside functions (so not seen by reading their imports),
#: but which every leadership page needs on its first run.
ALSO = (
    "lib.results.dashboard",
    "lib.ui.results",
    # Streamlit reads the page icon with Pillow on the first run (0.15 s of TIFF tag tables).
    "PIL.Image",
)


def imported_modules(paths: Iterable[Path]) -> list[str]:
    """Absolute module names imported anywhere in ``paths`` (top level and inside functions), in order."""
    names: list[str] = []
    for path in paths:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            names.extend(name for name in found if name not in names)
    return names


def app_modules() -> list[str]:
    """What the app and its pages import, plus :data:`ALSO`."""
    paths = [APP, *sorted(VIEWS.glob("*.py"))]
    return [*imported_modules(paths), *(m for m in ALSO)]


def preload(modules: Sequence[str]) -> list[str]:
    """Import ``modules`` (a name that is not a module, like ``lib.ui.i18n.t``, is skipped quietly);
    returns the ones that failed for another reason, which the first page run will then report."""
    failed = []
    # Decorating a cached function before the runtime exists only validates its options;
    # Streamlit warns about that once per function, which is noise here.
    import streamlit.runtime.caching  # noqa: F401  (creates the loggers silenced below)

    quiet = [
        logging.getLogger(f"streamlit.runtime.caching.{api}")
        for api in ("cache_data_api", "cache_resource_api")
    ]
    levels = [logger.level for logger in quiet]
    for logger in quiet:
        logger.setLevel(logging.ERROR)
    try:
        _import_all(modules, failed)
    finally:
        for logger, level in zip(quiet, levels, strict=True):
            logger.setLevel(level)
    return failed


def _import_all(modules: Sequence[str], failed: list[str]) -> None:
    for name in modules:
        if name in sys.modules:
            continue
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            parent, _dot, attribute = name.rpartition(".")
            if not hasattr(sys.modules.get(parent), attribute):  # a function or class imported by name
                failed.append(name)
        except Exception:  # noqa: BLE001  (a broken module shows on its page, not at start-up)
            log.exception("preloading %s failed", name)
            failed.append(name)


def warm_database() -> None:
    """Check the schema (migrating if needed) and start the background worker, as the first page
    run would; a database that cannot be reached now is left for the pages to report."""
    try:
        from lib.db import ensure_schema, get_engine
        from lib.results.jobs import start_worker
        from lib.ui.data import db_url

        url = db_url()
        ensure_schema(get_engine(url))
        start_worker(url)
    except Exception:  # noqa: BLE001
        log.warning("database not ready at start-up; the pages will say why", exc_info=True)


def settle() -> None:
    """Do once, before the first visitor, what the first page run would otherwise pay for, then
    take everything loaded so far out of the garbage collector's full passes.

    A full collection (``gc.collect(2)``: Python's own, now and then, and Streamlit's after
    every script run unless ``runner.postScriptGC`` is off, as ``.streamlit/config.toml`` sets)
    walks every tracked object. With pandas, SQLAlchemy and Plotly loaded that is about 300,000
    objects: 0.15 s a pass. The modules loaded here live as long as the process, so
    :func:`gc.freeze` moves them to a generation the collector never scans; what page runs
    create afterwards is still collected as before.
    """
    from lib.i18n import catalog

    catalog()  # every lib/locales module, read on the first translated word otherwise
    from lib.workdays import days_off

    this_year = date.today().year
    days_off(this_year - 3, this_year)  # the holiday calendar (0.2–0.3 s of the first complaint figures)
    try:
        import streamlit.delta_generator as delta_generator

        # Streamlit's first element walks the whole call stack (inspect.stack, 0.1 s) only to
        # decide whether to warn that the app runs outside ``streamlit run``; it does not.
        delta_generator._use_warning_has_been_displayed = True  # noqa: SLF001
    except (ImportError, AttributeError):  # pragma: no cover  (a Streamlit without the flag)
        pass
    gc.collect()
    gc.freeze()


#: Seconds one page may take while :func:`warm_pages` renders it (``TELAAH_WARM_PAGES=0`` skips warming).
WARM_UP_TIMEOUT = 300


def warm_periods() -> tuple[str, ...]:
    """The period presets :func:`warm_pages` renders: ``TELAAH_WARM_PERIODS`` (comma-separated
    names from :data:`lib.coverage.PRESETS`), by default every preset but "custom".

    Why every preset: a reader's first filter change is most often another preset ("Tahun
    ini" after "12 bulan terakhir"). Unwarmed, the first reader to pick it after a restart
    waits for its figures to be read and its charts built (0.3–0.6 s a page at city scale);
    warmed, a filter change costs the page's drawing only. Each preset adds a few seconds
    to the start, before the port opens.
    """
    from lib.coverage import PRESETS

    chosen = os.environ.get("TELAAH_WARM_PERIODS", "")
    names = [n.strip() for n in chosen.split(",") if n.strip()] if chosen else list(PRESETS)
    return tuple(n for n in names if n in PRESETS and n != "custom")


def warm_pages(periods: Sequence[str] | None = None) -> list[str]:
    """Render every data page once for the city, for each period preset, in this process.

    Why: the first reader after a restart (every morning, every deploy) otherwise waits for
    what no one has read since: the figures of the default period, the stored analyses
    unpickled, the charts' inputs. Streamlit's data caches are the process's own, so a page
    rendered here (through ``app.py``, with Streamlit's own test runner) leaves them filled for
    the server that starts next. The pages are opened as demo mode's leader (the sign-in gate
    admits only real accounts, and this is no one's session): the same pages, filters and
    figures as a signed-in pimpinan's. Each page is rendered once per preset of
    :func:`warm_periods` (the default one first), so that picking another preset is
    as quick as the first visit. It writes no data (a stale stored analysis is refreshed or
    queued, as for any reader). Returns the pages that failed, as ``file`` or ``file@preset``
    (a warning; the page will report its own error to its first reader).
    """
    from streamlit.testing.v1 import AppTest

    from lib.auth.roles import Principal, Role
    from lib.ui.nav import pages_for
    from lib.ui.url_state import PERIOD_KEY

    leader = Principal("server warm-up", Role.PIMPINAN)
    failed = []
    saved = {name: os.environ.get(name) for name in ("TELAAH_DEMO_MODE", "TELAAH_DEMO_ROLE")}
    os.environ.update(TELAAH_DEMO_MODE="1", TELAAH_DEMO_ROLE=Role.PIMPINAN.value)
    pages = [entry for entries in pages_for(leader, False).values() for entry in entries if entry.filters]
    try:
        for preset in warm_periods() if periods is None else periods:
            for entry in pages:
                app = AppTest.from_file(str(APP), default_timeout=WARM_UP_TIMEOUT)
                app.session_state[PERIOD_KEY] = preset
                try:
                    # Run once first: until then the test runner knows a page by its file name, and a
                    # page whose address differs (dampak_pelatihan.py at "dampak") was silently
                    # rendered as the home page instead, so Dampak's first reader met it cold.
                    app.run()
                    if not entry.default:
                        app.switch_page(f"views/{entry.file}").run()
                except Exception:  # noqa: BLE001  (a slow or broken page must not stop the server)
                    log.warning("warming %s (%s) failed", entry.file, preset, exc_info=True)
                    failed.append(f"{entry.file}@{preset}")
                    continue
                if app.exception:
                    failed.append(f"{entry.file}@{preset}")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return failed


def _warm_if_computed() -> None:
    """:func:`warm_pages`, unless stored analyses are still missing (a new database, new code):
    the pages would compute them here while the port stays closed, and the worker is already
    computing them; the first readers see progress bars instead."""
    try:
        from lib.db import get_engine
        from lib.results.jobs import never_computed
        from lib.ui.data import db_url

        missing = never_computed(get_engine(db_url()))
    except Exception:  # noqa: BLE001  (database not ready: reported by warm_database and the pages)
        return
    if missing:
        print(
            f"Telaah: pages not warmed: {missing} stored analyses are still being computed", file=sys.stderr
        )
        return
    started = time.perf_counter()
    cold = warm_pages()
    note = f"; not warmed: {', '.join(cold)}" if cold else ""
    print(f"Telaah: pages warmed in {time.perf_counter() - started:.1f} s{note}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Preload, then hand over to ``streamlit run app.py`` with ``argv`` as its options."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    started = time.perf_counter()
    os.chdir(ROOT)
    failed = preload(app_modules())
    warm_database()
    if os.environ.get("TELAAH_WARM_PAGES", "1") != "0":
        _warm_if_computed()
    settle()
    if os.environ.get("TELAAH_SERVE_QUIET", "") != "1":
        note = f"; failed: {', '.join(failed)}" if failed else ""
        print(f"Telaah: libraries loaded in {time.perf_counter() - started:.1f} s{note}", file=sys.stderr)
    from streamlit.web import cli

    # click exits the process with Streamlit's own exit code when the server stops
    cli.main(["run", str(APP), *args], prog_name="streamlit")
    return 0
