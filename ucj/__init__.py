"""Dasbor UCJ domain package: data access, rules and arithmetic, with no Streamlit import."""
