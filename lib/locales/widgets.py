"""Streamlit's own widget words (uploader button, limits line, drag overlay), in Indonesian.

Streamlit hard-codes them in English; :mod:`lib.ui.streamlit_text` shows these instead.
"""

MESSAGES = {
    "widget.upload.button": {"id": "Unggah", "en": "Upload"},
    "widget.upload.drop": {"id": "Seret dan lepas berkas di sini", "en": "Drag and drop a file here"},
    "widget.upload.limits": {"id": "Maksimal {size} per berkas", "en": "{size} per file"},
}
