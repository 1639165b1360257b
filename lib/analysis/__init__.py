"""Analyses: pure functions over DataFrames, with no database or Streamlit."""
