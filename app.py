"""Dasbor UCJ entry point: `streamlit run app.py`."""

import streamlit as st

from ucj.i18n import t
from ui.layout import main

st.set_page_config(page_title=t("app.title"), page_icon="🛡️", layout="wide")
main()
