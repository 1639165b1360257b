"""Charts, tables and sentences built once per stored result and handed to every reader.

Pengaduan (its complaint overview) and Dampak Pelatihan (its training-impact results) both
draw from values the result store hands every session alike; what one reader's run builds
from them is what the next reader's would, so it is kept here rather than rebuilt per run.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
#: Charts, tables and sentences built from a stored result, by (id(owner), what, arguments).
_SHARED: OrderedDict[tuple[object, ...], tuple[weakref.ref[object], object]] = OrderedDict()
_SHARED_LOCK = threading.Lock()
_SHARED_SIZE = 256


def shared(owner: object, what: str, build: Callable[[], T], *args: object) -> T:
    """``build()`` once per ``owner`` object and ``args``; every later session gets the same value.

    The result store hands every session the same value object (an overview here, the
    training-impact results on Dampak Pelatihan) while its result is current, so a chart or
    table built for one reader is the one the next reader would build: it is kept (not
    copied) while ``owner`` lives, and a newer result is a new object, so nothing stale is
    ever returned. ``owner`` must be the part of that value the build reads (or hold it),
    and allow weak references. Values must be treated as read-only (Streamlit's chart and
    table elements only read them).
    """
    key = (id(owner), what, *args)
    with _SHARED_LOCK:
        hit = _SHARED.get(key)
        if hit is not None and hit[0]() is owner:
            _SHARED.move_to_end(key)
            return hit[1]  # type: ignore[return-value]
    value = build()
    with _SHARED_LOCK:
        _SHARED[key] = (weakref.ref(owner), value)
        _SHARED.move_to_end(key)
        while len(_SHARED) > _SHARED_SIZE:
            _SHARED.popitem(last=False)
    return value
