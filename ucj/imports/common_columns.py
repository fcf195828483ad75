"""Columns several kinds share, with their Indonesian and English names."""

from __future__ import annotations

import datetime as dt

from ucj.imports import values
from ucj.imports.columns import Column
from ucj.imports.rows import Record

AREA = Column(
    "area",
    (
        "kecamatan",
        "kode kecamatan",
        "nama kecamatan",
        "kode wilayah",
        "wilayah",
        "kode kec",
        "kec",
        "district",
        "subdistrict",
        "area",
        "area code",
    ),
    None,
    "Koto Tangah",
)
YEAR = Column("year", ("tahun", "thn", "year"), values.year, "2024")
MONTH = Column("month", ("bulan", "bln", "month"), values.month, "6")
SEGMENT = Column(
    "segment", ("segmen", "segmen peserta", "jenis peserta", "kepesertaan", "segment"), values.segment, "BPU"
)


def persons(*names: str) -> Column:
    return Column("persons", names, values.count, "1250")


def with_period(record: Record) -> Record:
    """The first day of the record's month, as the measure tables store periods."""
    return record | {"period": dt.date(record["year"], record["month"], 1)}
