"""Helpers shared by the Data issue's tests: file builders, table checksums, signing in (fixtures: data_fixtures)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import duckdb
import openpyxl
from streamlit.testing.v1 import AppTest

from tests.apptest_support import open_app
from ucj.auth.accounts import create_user
from ucj.db import Database

PASSWORD = "kata-sandi-uji-123"
SECRET = b"k" * 32


def add_user(path: Path, username: str, role: str, password: str = PASSWORD, scope: tuple[str, ...] = ()) -> None:
    database = Database(path)
    with database.writer() as con:
        create_user(con, username, password, role, actor="test", scope=scope)
    database.close()


def signed_in(region: str, username: str, password: str = PASSWORD, lang: str = "id") -> AppTest:
    """The Data page, signed in through the sidebar form."""
    at = open_app(region, lang=lang, page="views/imports.py")
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    at.button(key="auth_login").click().run()
    assert not at.exception, at.exception
    return at


def csv_bytes(rows: Sequence[Sequence[object]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]], merge: str | None = None) -> bytes:
    """An Excel file with one sheet per entry; `merge` merges a range of the first sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    if merge:
        book.worksheets[0].merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_with_cells(cells: int, columns: int = 10, dimension: str | None = "A1:A1") -> bytes:
    """A small .xlsx whose first sheet holds `cells` numbers and declares `dimension` (None: no dimension).

    Written straight into the zip: openpyxl would take minutes to write the millions of cells of a
    hostile file, which compress to a few hundred kilobytes.
    """
    template = io.BytesIO(xlsx_bytes({"Data": [["nik"]]}))
    rows = "".join(
        f'<row r="{r + 1}">'
        + "".join(f"<c><v>{r}</v></c>" for _ in range(min(columns, cells - r * columns)))
        + "</row>"
        for r in range(-(-cells // columns))
    )
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{declared}<sheetData>{rows}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = sheet.encode() if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            target.writestr(item, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def rows(db: Database, sql: str, *params: object) -> list[tuple]:
    with db.reading() as cur:
        return cur.execute(sql, list(params)).fetchall()


def checksums(path: Path) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent hash of every table: equal before and after = unchanged."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [name for (name,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        return {
            name: tuple(con.execute(f'select count(*), coalesce(bit_xor(hash(t)), 0) from "{name}" as t').fetchone())
            for name in tables
        }


def every_row(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (of `columns` only, when given: columns added later are left out)."""
    with duckdb.connect(str(path), read_only=True) as con:
        if columns is None:
            found = con.execute(
                "select table_name, list(column_name order by ordinal_position) from information_schema.columns"
                " where table_name in (select table_name from duckdb_tables()) group by 1"
            ).fetchall()
            columns = dict(found)
        return {
            t: con.execute("select " + ", ".join(f'"{c}"' for c in cols) + f' from "{t}" order by all').fetchall()
            for t, cols in columns.items()
        } | {"_columns": columns}


PARTICIPANTS_HEADER = ("kecamatan", "tahun", "bulan", "segmen", "status", "jumlah")
NOW = dt.datetime(2026, 3, 1, 9, 0)


def square(x: float, y: float, size: float = 0.02) -> dict:
    """A lon/lat square polygon with its south-west corner at (x, y)."""
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(properties: dict, geometry: dict) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(features: list[dict], crs: str | None = None) -> bytes:
    doc: dict = {"type": "FeatureCollection", "features": features}
    if crs is not None:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(doc).encode()


# A made-up 2×2 kota under Kemendagri code 13.75 (Bukittinggi's), four square kecamatan.
NEW_KOTA = "13.75"
NEW_KECAMATAN = [
    (f"13.75.0{i + 1}", name, 100.34 + 0.02 * (i % 2), -0.32 + 0.02 * (i // 2))
    for i, name in enumerate(["Guguk Panjang", "Mandiangin Koto Selayan", "Aur Birugo Tigo Baleh", "Tilatang"])
]


def new_kota_files() -> tuple[bytes, bytes]:
    """Kecamatan and desa GeoJSON for NEW_KOTA (each kecamatan split into a kelurahan and a desa)."""
    kecamatan = [
        feature(
            {"kode_kec": kode, "nama_kec": nama, "nama_kab": "Kota Contoh", "provinsi": "Sumatera Barat"}, square(x, y)
        )
        for kode, nama, x, y in NEW_KECAMATAN
    ]
    desa = [
        feature({"kode_desa": f"{kode}.{prefix}001", "nama_desa": f"{nama} {prefix}"}, square(x + 0.01 * half, y, 0.01))
        for kode, nama, x, y in NEW_KECAMATAN
        for half, prefix in enumerate(("1", "2"))
    ]
    return collection(kecamatan), collection(desa)


def as_migrated(rows: dict[str, list[tuple]], columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """An earlier release's rows as this release's migrations leave them: 0002 cuts stored NIK masks to
    the region code (`1371************`); every other value stays exactly as it was."""
    mask = columns["recipient"].index("nik_masked")
    cut = [(*r[:mask], r[mask][:4] + "*" * (len(r[mask]) - 4), *r[mask + 1 :]) for r in rows["recipient"]]
    return rows | {"recipient": cut}
