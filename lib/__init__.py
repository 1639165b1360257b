"""Telaah: evaluating ASN competency development and public feedback.

Everything outside ``lib/ui`` is importable without Streamlit, so the CLI, tests
and notebooks share one implementation with the dashboard.
"""
