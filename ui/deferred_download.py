"""Download buttons whose file is made only when clicked, and whose click reruns nothing.

Making every file on every run cost up to 30 ms a view for files few download (issue 17). A rerun after the
click gives the viewer nothing new and costs a script run. Worse, it registers a new callable for the button
and drops the old one, so the browser's request for the file could arrive after its callable was gone (seen
in CI on Kolaborasi's minutes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from streamlit.delta_generator import DeltaGenerator


def deferred_download(
    where: DeltaGenerator,
    label: str,
    make: Callable[[], bytes | str],
    file_name: str,
    mime: str,
    key: str,
    **options: Any,
) -> None:
    """`where.download_button` with `make()` called on the click only, and no rerun after it."""
    where.download_button(label, make, file_name=file_name, mime=mime, key=key, on_click="ignore", **options)
