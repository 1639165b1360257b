"""A minimal Streamlit websocket client: what a browser tab sends, without the browser.

Used by ``bench/bench_load.py`` (many sessions at once) and by the tests that
send raw messages a browser would never send (``clear_cache``). It speaks
Streamlit's own protobuf messages over ``/_stcore/stream``; only 127.0.0.1 or
localhost may be targeted.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@dataclass
class PageRun:
    """One script run as the client saw it: seconds from request to ``script_finished``."""

    page: str
    seconds: float
    status: int
    exceptions: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def _check_local(base_url: str) -> str:
    parsed = urlparse(base_url)
    if parsed.hostname not in LOCAL_HOSTS:
        raise ValueError(f"refusing to connect to {parsed.hostname!r}: only 127.0.0.1/localhost")
    return f"ws://{parsed.netloc}/_stcore/stream"


class Session:
    """One browser-like session (``async with Session(url) as s: await s.run_page("kepuasan")``)."""

    def __init__(self, base_url: str, timeout: float = 300.0) -> None:
        self.url = _check_local(base_url)
        self.timeout = timeout
        self._ws: websockets.ClientConnection | None = None

    async def __aenter__(self) -> Session:
        self._ws = await websockets.connect(
            self.url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=60,  # type: ignore[list-item]
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def send(self, message: BackMsg) -> None:
        assert self._ws is not None
        await self._ws.send(message.SerializeToString())

    async def clear_cache(self) -> None:
        """What Streamlit's menu item "Clear cache" sends (any client can send it)."""
        message = BackMsg()
        message.clear_cache = True
        await self.send(message)

    async def run_page(self, page: str = "", query: str = "") -> PageRun:
        """Ask for a run of ``page`` (its url path; "" is the default page) and wait until it ends."""
        assert self._ws is not None
        message = BackMsg()
        message.rerun_script.page_name = page
        message.rerun_script.query_string = query
        started = time.perf_counter()
        await self.send(message)
        exceptions: list[str] = []
        texts: list[str] = []
        deadline = started + self.timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"page {page!r} did not finish in {self.timeout:.0f} s")
            data = await asyncio.wait_for(self._ws.recv(decode=False), timeout=remaining)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    exceptions.append(f"{element.exception.type}: {element.exception.message}")
                elif which in ("markdown", "alert", "heading"):
                    texts.append(getattr(element, which).body)
            if kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return PageRun(
                    page, time.perf_counter() - started, forward.script_finished, exceptions, texts
                )
