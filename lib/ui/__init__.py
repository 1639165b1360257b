"""The only part of lib that imports Streamlit: shared widgets, state and charts."""
