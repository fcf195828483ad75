"""Streamlit glue: cached data access, URL state, navigation and shared widgets. No domain rules."""
