"""The published-figures table: each figure in its unit and the reader's language, ranges kept as ranges."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from ucj.db import run_query
from ucj.region.figure_table import published_table, segment_rates, value_text

NAN = float("nan")


@pytest.mark.parametrize(
    ("value", "low", "high", "unit", "lang", "shown"),
    [
        (426765, NAN, NAN, "persons", "id", "426.765"),
        (426765, NAN, NAN, "persons", "en", "426,765"),
        (52.15, NAN, NAN, "percent", "id", "52,15 %"),
        (36, NAN, NAN, "percent", "id", "36,0 %"),
        (201549600, NAN, NAN, "rupiah", "id", "Rp 201.549.600"),
        (9, NAN, NAN, "months", "id", "9 bulan"),
        (100, NAN, NAN, "workers_per_desa", "en", "100 per desa/nagari"),
        (NAN, 95000, 98000, "persons", "id", "95.000 – 98.000"),  # Padang PU, a range in the text
        (NAN, 0, 50, "percent", "id", "< 50,0 %"),  # Dukuhdempok: 'belum mencapai 50%'
        (NAN, 10, NAN, "persons", "en", "> 10"),  # a floor only: a bound, never a point
        (NAN, 46000, NAN, "persons", "id", "> 46.000"),  # Probolinggo: "lebih dari 46.000 pekerja"
        (NAN, 30, 40, "persons", "id", "30 – 40"),
    ],
)
def test_values_are_written_in_their_unit_and_language(value, low, high, unit, lang, shown):
    row = pd.Series({"value": value, "value_low": low, "value_high": high, "unit": unit})
    assert value_text(row, lang) == shown


def test_padang_table_reads_like_the_texts(demo_db):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        figures = run_query(con, "region_figures", kode_kab="13.71")
    table = published_table(figures, "id")
    assert list(table.columns) == ["Indikator", "Wilayah", "Nilai", "Waktu", "Sumber", "Kutipan", "Catatan"]
    workforce = table[table["Nilai"] == "426.765"]
    assert len(workforce) == 1 and workforce["Wilayah"].iloc[0] == "Kota Padang"
    assert not table["Indikator"].str.startswith("fig.").any()  # every indicator has a label
    assert "Trimaulina" in " ".join(table["Sumber"])


@pytest.mark.parametrize("kode_kab", ["13.71", "13.03", "35.74", "35.09"])
def test_every_indicator_of_every_region_has_a_label_in_both_languages(demo_db, kode_kab):
    with duckdb.connect(str(demo_db), read_only=True) as con:
        figures = run_query(con, "region_figures", kode_kab=kode_kab)
    for lang in ("id", "en"):
        table = published_table(figures, lang)
        assert not table.iloc[:, 0].str.startswith("fig.").any()
        assert (table.iloc[:, 2] != "—").all()  # every figure has a value or a bound (a check in the schema)


@pytest.mark.parametrize(("kode_kab", "values"), [("35.09", [65.0]), ("13.71", []), ("35.74", [])])
def test_segment_rates_are_the_regions_own_one_segment_rates(demo_db, kode_kab, values):
    """Dukuhdempok's 'belum mencapai 50%' is a desa's ceiling, Probolinggo's 36 % the whole workforce's."""
    with duckdb.connect(str(demo_db), read_only=True) as con:
        figures = run_query(con, "region_figures", kode_kab=kode_kab)
    assert segment_rates(figures, kode_kab)["value"].tolist() == values
