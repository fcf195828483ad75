"""The script every session runs; `serve.py` (scripts/run.sh) serves it. `streamlit run app.py` also works, with
Streamlit's own, slower serving of the front end's files."""

import streamlit as st

from ucj.i18n import t
from ui.layout import main

st.set_page_config(page_title=t("app.title"), page_icon="🛡️", layout="wide")
main()
