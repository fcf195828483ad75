"""Dasbor UCJ's server: `streamlit run serve.py` serves app.py, with Streamlit's front end answered from memory and
its index telling the front end where the server is."""

import streamlit as st
from starlette.middleware import Middleware

from ui.index_page import IndexPage
from ui.layout import PAGES
from ui.static_assets import StaticAssets

app = st.App(
    "app.py",
    middleware=[Middleware(StaticAssets), Middleware(IndexPage, paths=[path for path, _, _ in PAGES])],
)
