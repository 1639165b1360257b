"""The words: where codes and numbers from the analyses become sentences, for the UI and the CLI alike.

Analyses (``lib.analysis``) return codes and numbers; the modules here turn them into
text through the message catalogue (``lib/locales``, :func:`lib.i18n.translate`) and the
number formats of :mod:`lib.i18n`. Nothing here draws, reads the database or imports
streamlit, so the pages (through ``lib.ui``), the CLI, the reports and the stored
analyses all say the same sentence the same way. One module per feature, named after
the feature's stem (``priorities``, ``complaints``, ``summary``, ``impact``).
"""
