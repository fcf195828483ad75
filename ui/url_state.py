"""View state that lives in the URL, so a copied link opens the same view.

The only module that touches `st.query_params`. Keys are English and short (`region`, `lang`,
`metric`, `segment`, `month`, `since`, `kec`, `desa`, `level`, `framework`, `round`, `slides`,
`slide`, `present`, `s`, `worklist`); links shared before the keys were unified used `kerangka`, `putaran` and
`tingkat`, which are still read and replaced by their new names on the first write.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

# new key -> the key that links shared earlier carry
LEGACY_KEYS: dict[str, str] = {"framework": "kerangka", "round": "putaran", "level": "tingkat"}
# what every link to another page carries, so it opens on the same region and language
LINK_KEYS: tuple[str, ...] = ("region", "lang")


def read(key: str) -> str | None:
    """The URL's value for `key` (or for its legacy name), None when absent."""
    value = st.query_params.get(key)
    if value is None and key in LEGACY_KEYS:
        value = st.query_params.get(LEGACY_KEYS[key])
    return value


def choice(key: str, options: Sequence[str], default: str | Callable[[], str]) -> str:
    """The URL's value for `key` if it is one of `options`, else the default.

    A callable default is worked out only when needed (it may cost a computation).
    """
    value = read(key)
    if value in options:
        return value
    return default() if callable(default) else default


def write(values: Mapping[str, str | None]) -> None:
    """Put values into the URL; None drops the key. A legacy name is dropped once its value is written."""
    for key, value in values.items():
        legacy = LEGACY_KEYS.get(key)
        if legacy is not None:
            st.query_params.pop(legacy, None)
        if value is None:
            st.query_params.pop(key, None)
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def has(key: str) -> bool:
    return read(key) is not None


def init_widget(session_key: str, url_key: str, options: Sequence[str], default: str | Callable[[], str]) -> str:
    """Give widget `session_key` the URL's value on first load (or when its value is no longer an option)."""
    if st.session_state.get(session_key) not in options:
        st.session_state[session_key] = choice(url_key, options, default)
    return session_key


def link_params(**extra: str) -> dict[str, str]:
    """Query parameters for a link to another page: the current region and language, plus `extra`."""
    current = {key: value for key in LINK_KEYS if (value := read(key)) is not None}
    return {**current, **extra}
