"""Shows the strings of the JSON file $UCJ_PLAIN_TEXTS through every Markdown element the pages use."""

import json
import os
from pathlib import Path

import streamlit as st

from ucj.markup import plain

texts = json.loads(Path(os.environ["UCJ_PLAIN_TEXTS"]).read_text(encoding="utf-8"))
for text in texts:
    st.markdown(plain(text))
    st.caption(plain(text))
    st.subheader(plain(text), anchor=False)
    st.expander(plain(text))
if texts:
    st.radio("pilihan", range(len(texts)), format_func=lambda i: plain(texts[i]), key="plain_radio")
