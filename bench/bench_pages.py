"""Every page as a user waits for it, in headless Chromium, beside a bare Streamlit page measured in the same run.

For each page (and a bare page: one selectbox and one small chart), in each of
``--repeat`` rounds (the bare page, then every page in turn): restart the server, open
the page in a new browser session and time it until Streamlit's script has finished
running (its run state on the app root, the same signal the browser tests wait for) —
**cold**; open it again in another new session
— **warm** (and the browser's CPU time for that render, from Chromium's own
counters); then (on the pages with the sidebar's period filter: not Metode or Status Data)
pick another period in the sidebar and back, ``--changes`` times in all
(default 4) — **filter change**, the median of every change, and **1st**, the first change
after opening alone (one sample per restart: the noisier of the two). The server's
peak resident memory (``VmHWM``) is read before each restart, for the dashboard
process and for its background worker.

The pages are every page the demo's default role (Pimpinan) opens; Unggah, Pengguna and
Log Audit belong to other roles and are not timed here.

Before timing, the stored analyses are brought up to date once (``python -m lib
worker --once``): on a server the worker has done that long before anyone opens a
page. Prints medians, and ratios against the bare page (cold and filter change).

    python bench/bench_pages.py --db sqlite:////tmp/issue-11/city.db
    python bench/bench_pages.py --db postgresql+psycopg://postgres@127.0.0.1:5432/issue11_city --repeat 3
    python bench/bench_pages.py --db … --pages ringkasan,pengaduan --sessions 20

``start s`` is how long a restarted server took to answer its health check: the app is
started as on a server (``python -m lib serve``, libraries loaded before it accepts
connections), the bare page with plain ``streamlit run``; ``--plain ringkasan`` also
measures a page with the app under plain ``streamlit run`` (libraries loaded by the first
visitor, as before the launcher). ``cold`` counts from the health check's answer.

``--sessions N`` adds a load test: N browser sessions open the home page at once on a
warm server, and as many open the bare page; prints the p95 of their times against one
session's median, for each. On a small machine N Chromium renderers saturate it before the
server does (the bare page's ratio shows how much); ``bench/bench_load.py`` measures the
server alone, with websocket clients in place of browsers.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lib.devserver import CHROMIUM, CHROMIUM_ARGS, SCRIPT_IDLE, start_streamlit  # noqa: E402

#: page → its url path (the default page, Ringkasan, lives at the root: "/ringkasan" would not exist).
PAGES = {
    "ringkasan": "",
    "kepuasan": "kepuasan",
    "dampak": "dampak",
    "prioritas": "prioritas",
    "pengaduan": "pengaduan",
    "metode": "metode",
    "status": "status",
}
#: pages without the sidebar's period filter: timed cold and warm, no filter change
NO_PERIOD = {"metode", "status"}
BARE_PAGE = """
import plotly.graph_objects as go
import streamlit as st

choice = st.sidebar.selectbox("Periode", ["12 bulan terakhir", "Tahun ini"])
st.title("Bare page")
values = [3, 1, 2, 5] if choice == "12 bulan terakhir" else [1, 2, 3, 4]
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c", "d"], y=values)))
"""


#: The periods a filter change alternates between (the default is "12 bulan terakhir").
PERIODS = ("Tahun ini", "12 bulan terakhir")


@dataclass
class Figures:
    start: list[float] = field(default_factory=list)
    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    change: list[float] = field(default_factory=list)
    first_change: list[float] = field(default_factory=list)
    browser_cpu: list[float] = field(default_factory=list)
    server_mb: list[float] = field(default_factory=list)
    worker_mb: list[float] = field(default_factory=list)


def _peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


class Server:
    """The app (``python -m lib serve``) or a script (``streamlit run``) on a free port, stopped
    (with its worker) on exit; ``started`` is how long it took to answer its health check."""

    def __init__(self, script: Path, cwd: Path, env: dict[str, str], launcher: bool | None = None) -> None:
        began = time.perf_counter()
        self.process, self.base = start_streamlit(env, script, cwd=cwd, timeout=120, launcher=launcher)
        self.started = time.perf_counter() - began

    def memory(self) -> tuple[float, float]:
        """Peak MB of the server process, and of its children (the worker) summed."""
        children = _children(self.process.pid)
        return _peak_mb(self.process.pid), sum(_peak_mb(c) for c in children) if children else 0.0

    def stop(self) -> None:
        for child in _children(self.process.pid):
            with contextlib.suppress(OSError):
                os.kill(child, 15)
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wait_idle(page, timeout_s: float = 900.0) -> float:  # type: ignore[no-untyped-def]
    """Seconds (perf_counter) at which the script was first seen finished, confirmed 200 ms later."""
    deadline = time.monotonic() + timeout_s
    while True:
        page.wait_for_function(SCRIPT_IDLE, timeout=max(1000, int((deadline - time.monotonic()) * 1000)))
        seen = time.perf_counter()
        page.wait_for_timeout(200)
        if page.evaluate(SCRIPT_IDLE):
            return seen
        if time.monotonic() > deadline:
            raise TimeoutError("page did not finish")


def open_page(context, url: str) -> tuple[object, float]:  # type: ignore[no-untyped-def]
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    return page, wait_idle(page) - start


def browser_cpu(context, url: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall seconds, browser main-thread task seconds) of one visit, from Chromium's counters."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    wall = wait_idle(page) - start
    page.wait_for_timeout(500)  # charts finish drawing after the script
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    page.close()
    return wall, float(metrics.get("TaskDuration", float("nan")))


class RunWatcher:
    """When the app's script runs end, as the browser learns it: the time each Streamlit
    ``script_finished`` message arrives on the page's websocket (Chromium's network events).

    Why not the run state on the page alone: right after a click the page still reads "not
    running", and a quick rerun can start and end between two renders without the page ever
    showing "running". Attach before the page opens its websocket.
    """

    def __init__(self, context, page) -> None:  # type: ignore[no-untyped-def]
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.finished: list[float] = []
        self._message = ForwardMsg
        self._cdp = context.new_cdp_session(page)
        self._cdp.send("Network.enable")
        self._cdp.on("Network.webSocketFrameReceived", self._frame)

    def _frame(self, event: dict) -> None:  # type: ignore[type-arg]
        response = event["response"]
        if response.get("opcode") != 2:
            return
        message = self._message()
        try:
            message.ParseFromString(base64.b64decode(response["payloadData"]))
        except Exception:  # noqa: BLE001  (not a Streamlit message)
            return
        if message.WhichOneof("type") == "script_finished":
            self.finished.append(time.perf_counter())


def change_period(page, watcher: RunWatcher, name: str = "Tahun ini") -> float:  # type: ignore[no-untyped-def]
    """Pick another period in the sidebar; seconds until the rerun it started has finished and
    the page shows it done (the later of the two)."""
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stSelectbox").filter(has_text="Periode").click()
    option = page.get_by_role("option", name=name)
    option.wait_for(timeout=30_000)
    runs = len(watcher.finished)
    start = time.perf_counter()
    option.click()
    deadline = time.monotonic() + 900
    while len(watcher.finished) <= runs:
        if time.monotonic() > deadline:
            raise TimeoutError("the rerun did not finish")
        page.wait_for_timeout(10)
    return max(wait_idle(page), watcher.finished[runs]) - start


def measure_target(  # type: ignore[no-untyped-def]
    browser,
    script: Path,
    cwd: Path,
    env: dict[str, str],
    path: str,
    repeat: int,
    launcher: bool | None = None,
    changes: int = 4,
    figures: Figures | None = None,
) -> Figures:
    """``repeat`` restarts of one target, each a cold visit, a warm one and ``changes`` period
    changes, added to ``figures`` (new ones by default)."""
    figures = Figures() if figures is None else figures
    for _ in range(repeat):
        server = Server(script, cwd, env, launcher)
        figures.start.append(server.started)
        try:
            url = f"{server.base}/{path}"
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page, cold = open_page(context, url)
            figures.cold.append(cold)
            page.close()
            context.close()
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            wall, cpu = browser_cpu(context, url)
            figures.warm.append(wall)
            figures.browser_cpu.append(cpu)
            page = context.new_page()
            watcher = RunWatcher(context, page)
            page.goto(url, wait_until="commit")
            wait_idle(page)
            for i in range(changes):  # "Tahun ini", back to "12 bulan terakhir", …
                seconds = change_period(page, watcher, PERIODS[i % 2])
                figures.change.append(seconds)
                if i == 0:
                    figures.first_change.append(seconds)
            context.close()
            server_mb, worker_mb = server.memory()
            figures.server_mb.append(server_mb)
            figures.worker_mb.append(worker_mb)
        finally:
            server.stop()
    return figures


def sessions_at_once(
    browser, script: Path, cwd: Path, env: dict[str, str], path: str, n: int
) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(one session's median, p95 of ``n`` sessions opened at once) on a warm server."""
    server = Server(script, cwd, env)
    try:
        url = f"{server.base}/{path}"
        singles = []
        for _ in range(3):
            context = browser.new_context()
            page, seconds = open_page(context, url)
            singles.append(seconds)
            context.close()
        contexts = [browser.new_context() for _ in range(n)]
        pages = [c.new_page() for c in contexts]
        starts = []
        for page in pages:
            starts.append(time.perf_counter())
            page.goto(url, wait_until="commit")
        times = [wait_idle(page) - start for page, start in zip(pages, starts, strict=True)]
        for context in contexts:
            context.close()
    finally:
        server.stop()
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(singles), p95


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL"), required=False)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--changes",
        type=int,
        default=4,
        help="period changes per restart, alternating (the change column is the median of all of them)",
    )
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument(
        "--sessions", type=int, default=0, help="also open the home page in N sessions at once"
    )
    parser.add_argument(
        "--plain",
        default="",
        help="pages also measured started with plain `streamlit run app.py` (no preloading), e.g. ringkasan",
    )
    parser.add_argument(
        "--skip-refresh", action="store_true", help="do not bring stored results up to date first"
    )
    args = parser.parse_args()
    # a terminated bench still stops the servers it started (their finally blocks run)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not args.db:
        parser.error("--db (or BENCH_DATABASE_URL) must name the city-scale database")
    from playwright.sync_api import sync_playwright

    env = {
        **os.environ,
        "DATABASE_URL": args.db,
        "TELAAH_DEMO_MODE": "1",
        "PYTHONPATH": str(ROOT),
    }
    if not args.skip_refresh:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lib", "worker", "--once"], cwd=ROOT, env=env, check=True)
        print(f"stored results brought up to date in {time.perf_counter() - start:.1f} s")

    bare_dir = Path(tempfile.mkdtemp(prefix="telaah_bare_"))
    (bare_dir / ".streamlit").mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", bare_dir / ".streamlit" / "config.toml")
    bare_script = bare_dir / "bare.py"
    bare_script.write_text(BARE_PAGE)

    results: dict[str, Figures] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        targets = [("bare", bare_script, bare_dir, "", None)]
        for name in args.pages.split(","):
            if name:
                targets.append((name, ROOT / "app.py", ROOT, PAGES[name], None))
        for name in args.plain.split(","):
            if name:
                targets.append((f"{name}/plain", ROOT / "app.py", ROOT, PAGES[name], False))
        # Rounds, not one target after another: each round restarts the bare page and then every
        # page once, so a machine that slows down or speeds up during the run (other jobs on a
        # shared host, a cache warming) weighs on the baseline as on the pages it divides.
        for round_no in range(1, args.repeat + 1):
            for name, script, cwd, path, launcher in targets:
                f = measure_target(
                    browser,
                    script,
                    cwd,
                    env,
                    path,
                    1,
                    launcher,
                    0 if name.split("/")[0] in NO_PERIOD else max(1, args.changes),
                    results.setdefault(name, Figures()),
                )
                print(
                    f"  round {round_no} {name:<10} cold {f.cold[-1]:6.2f} s  warm {f.warm[-1]:6.2f} s  "
                    f"change {_median(f.change[-max(1, args.changes) :]):6.2f} s",
                    flush=True,
                )
        # the bare page too: N Chromium renderers on a small machine can be what saturates it,
        # and only the bare page's own figure tells the server's share from the browser's
        load = (
            (
                sessions_at_once(browser, bare_script, bare_dir, env, "", args.sessions),
                sessions_at_once(browser, ROOT / "app.py", ROOT, env, "", args.sessions),
            )
            if args.sessions
            else None
        )
        browser.close()
    shutil.rmtree(bare_dir, ignore_errors=True)

    bare = results["bare"]
    bare_cold, bare_change = _median(bare.cold), _median(bare.change)
    bare_first = _median(bare.first_change)
    print()
    print(
        f"database: {args.db.split('@')[-1]}   medians of {args.repeat} runs "
        f"({args.repeat} × {max(1, args.changes)} filter changes; 1st: the first change after opening)"
    )
    print(
        f"{'page':<16}{'start s':>8}{'cold s':>8}{'÷bare':>7}{'warm s':>8}{'change s':>10}{'÷bare':>7}"
        f"{'1st s':>7}{'÷bare':>7}{'browser CPU s':>15}{'server MB':>11}{'worker MB':>11}"
    )
    for name, f in results.items():
        print(
            f"{name:<16}{_median(f.start):8.2f}{_median(f.cold):8.2f}{_median(f.cold) / bare_cold:7.2f}{_median(f.warm):8.2f}"
            f"{_median(f.change):10.2f}{_median(f.change) / bare_change:7.2f}"
            f"{_median(f.first_change):7.2f}{_median(f.first_change) / bare_first:7.2f}{_median(f.browser_cpu):15.2f}"
            f"{max(f.server_mb, default=float('nan')):11.0f}{max(f.worker_mb, default=0.0):11.0f}"
        )
    if load is not None:
        print()
        for name, (single, p95) in zip(("the bare page", "Ringkasan"), load, strict=True):
            print(
                f"{args.sessions} browser sessions at once on {name}: p95 {p95:.2f} s "
                f"vs one session {single:.2f} s ({p95 / single:.1f}×)"
            )


if __name__ == "__main__":
    main()
