"""The install's key for NIK hashes, read once per process (recipient lists and participant extracts)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ucj.imports import recipients


@st.cache_resource(show_spinner=False)
def _secret(path: str) -> bytes:
    return recipients.install_secret(Path(path))


def nik_secret() -> bytes:
    """The install's key for NIK hashes (UCJ_SECRET_FILE, else data/nik_secret.key), read once."""
    return _secret(str(recipients.secret_path()))
