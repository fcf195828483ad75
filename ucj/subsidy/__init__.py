"""The contribution-subsidy calculator's arithmetic: cost, reach, allocation, retention, value, scenarios.

Pure Python over the rules of ucj.subsidy.rules; no Streamlit, no database.
"""
