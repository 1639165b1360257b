"""What a page or the CLI shows, read from the database: one module per feature.

The only layer whose functions take an engine *and* a scope and return finished
figures. Every function is keyword-only (``*, engine, scope, date_from, …``) so a
call names what it passes; it reads through :mod:`lib.queries` and computes
through :mod:`lib.analysis`. Pages reach it through ``lib.ui.<feature>`` (which
adds caching), the CLI directly, and slow analyses through the result store
(:mod:`lib.results.dashboard`).

Direction: ``views → lib.ui → lib.services → lib.queries / lib.analysis → lib.db``
(checked by ``tests/test_architecture.py``).
"""
