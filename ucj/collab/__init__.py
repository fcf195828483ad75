"""Collaboration scorecards: rubric rules, round comparison, stakeholder maps, action tracking and exports.

Plain Python over DataFrames and dataclasses; no Streamlit, so every rule is tested directly.
"""
