"""Dasbor UCJ's server: `streamlit run serve.py` serves app.py, with Streamlit's front end answered from memory."""

import streamlit as st
from starlette.middleware import Middleware

from ui.static_assets import StaticAssets

app = st.App("app.py", middleware=[Middleware(StaticAssets)])
