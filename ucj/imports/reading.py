"""Read an uploaded CSV or Excel file into a `Table`, or say plainly why it cannot be read.

Streamlit reruns the page on every click, and the upload stays: each file is parsed once, and its
table (or its refusal) kept by SHA-256 for the next runs, so a costly file costs once, not per click.
"""

from __future__ import annotations

import csv
import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from ucj.imports.encoding import NotText, decode
from ucj.imports.problems import ImportRejected, Problem, rejected
from ucj.imports.table import MAX_BYTES, MAX_COLUMNS, MAX_ROWS, Row, Table, is_blank
from ucj.imports.xlsx import read_sheet, sheet_names

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
DELIMITERS = ",;\t|"
PARSED_KEPT = 8  # files whose parse is kept (each at most MAX_BYTES of rows)
T = TypeVar("T")
_parsed: OrderedDict[tuple, tuple[object, tuple[Problem, ...] | None]] = OrderedDict()
_parsed_lock = threading.Lock()


def _check_size(file_name: str, data: bytes) -> None:
    if not data or not data.strip():
        raise rejected("empty_file", file_name)
    if len(data) > MAX_BYTES:
        raise rejected("too_big", file_name, size_mb=round(len(data) / 2**20, 1), limit_mb=MAX_BYTES // 2**20)
    if data.startswith(OLE_MAGIC):
        raise rejected("old_xls", file_name)


def is_excel(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def _once(what: str, file_name: str, data: bytes, sheet: str | None, parse: Callable[[], T]) -> T:
    """`parse()`'s result, or its refusal, computed once per file content, name and sheet."""
    key = (what, hashlib.sha256(data).hexdigest(), file_name, sheet)
    with _parsed_lock:
        found = _parsed.get(key)
        if found is not None:
            _parsed.move_to_end(key)
    if found is None:
        try:
            found = (parse(), None)
        except ImportRejected as exc:
            found = (None, exc.problems)
        with _parsed_lock:
            _parsed[key] = found
            while len(_parsed) > PARSED_KEPT:
                _parsed.popitem(last=False)
    result, problems = found
    if problems is not None:
        raise ImportRejected(problems)  # a fresh exception each time: one raised twice grows its traceback
    return result


def list_sheets(file_name: str, data: bytes) -> list[str]:
    """The Excel sheets that hold data (several: the user picks one); [] for a CSV file."""
    _check_size(file_name, data)
    return _once("sheets", file_name, data, None, lambda: sheet_names(file_name, data)) if is_excel(data) else []


def read_table(file_name: str, data: bytes, sheet: str | None = None) -> Table:
    """The file's rows; raises ImportRejected with a clear problem for anything unreadable."""
    _check_size(file_name, data)
    if is_excel(data):
        return _once("table", file_name, data, sheet, lambda: read_sheet(file_name, data, sheet))
    return _once("table", file_name, data, None, lambda: read_csv(file_name, data))


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    # Indonesian Excel writes ';' because ',' is the decimal separator; sniff rather than assume.
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        return csv.excel


def decoded(file_name: str, data: bytes) -> tuple[str, str]:
    """The file's bytes as text and the encoding found; refused as 'not_text' when they are not text."""
    try:
        text, encoding = decode(data)
    except NotText as exc:
        raise rejected("not_text", file_name) from exc
    if "\x00" in text:
        raise rejected("not_text", file_name)
    return text, encoding


def read_csv(file_name: str, data: bytes) -> Table:
    text, encoding = decoded(file_name, data)
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:8192]))
    try:
        for number, cells in enumerate(reader, start=1):
            if len(cells) > MAX_COLUMNS:
                raise rejected("too_many_columns", file_name, limit=MAX_COLUMNS)
            if all(is_blank(c) for c in cells):
                continue
            rows.append(Row(number, tuple(cells)))
            if len(rows) > MAX_ROWS + 1:
                raise rejected("too_many_rows", file_name, limit=MAX_ROWS)
    except csv.Error as exc:
        raise rejected("bad_csv", file_name, detail=str(exc)) from exc
    if not rows:
        raise rejected("empty_file", file_name)
    return Table(file_name, tuple(rows), encoding=encoding)
