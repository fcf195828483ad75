"""The rows the sortable table draws: every cell's text as formatted, and the key it sorts by."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from ucj.sortable_table import table_data


def test_figures_show_formatted_and_sort_as_numbers_and_missing_cells_have_no_key():
    frame = pd.DataFrame(
        {
            "Kecamatan": ["Ajung", "Ambulu", None],
            "Cakupan": [0.125, np.nan, 0.5],
            "Peserta": np.array([1200, 15, 3], dtype="int64"),
        }
    )

    data = table_data(frame, {"Cakupan": lambda v: f"{v * 100:.1f} %"}, missing="tidak ada data")

    assert data["columns"] == [
        {"name": "Kecamatan", "numeric": False},
        {"name": "Cakupan", "numeric": True},
        {"name": "Peserta", "numeric": True},
    ]
    assert data["rows"] == [
        ["Ajung", "12.5 %", "1200"],
        ["Ambulu", "tidak ada data", "15"],
        ["tidak ada data", "50.0 %", "3"],
    ]
    assert data["keys"] == [["Ajung", 0.125, 1200.0], ["Ambulu", None, 15.0], [None, 0.5, 3.0]]
    assert all(type(key) is float for key in (row[2] for row in data["keys"]))  # JSON numbers, not numpy's


def test_dates_sort_by_their_iso_text_and_text_columns_keep_their_words():
    frame = pd.DataFrame(
        {"Per": [pd.Timestamp("2025-04-01"), dt.date(2024, 12, 31), pd.NaT], "Sumber": ["BPS", "<5", "BPJSTK"]}
    )

    data = table_data(frame, {"Per": lambda d: f"{d.day}/{d.month}/{d.year}"})

    assert data["keys"] == [["2025-04-01T00:00:00", "BPS"], ["2024-12-31", "<5"], [None, "BPJSTK"]]
    assert [row[0] for row in data["rows"]] == ["1/4/2025", "31/12/2024", ""]
    assert [c["numeric"] for c in data["columns"]] == [False, False]


def test_a_format_for_a_column_the_table_lacks_is_refused():
    with pytest.raises(KeyError, match="Cakupan"):
        table_data(pd.DataFrame({"Kecamatan": ["Ajung"]}), {"Cakupan": str})


def test_an_empty_cell_can_say_something_of_its_own_per_column():
    frame = pd.DataFrame(
        {"Indikator": ["Regulasi", "Inovasi"], "Sebelumnya": [3.0, np.nan], "Perubahan": [1.0, np.nan]}
    )

    data = table_data(
        frame, {"Perubahan": lambda c: f"{c:+.0f}"}, missing={"Sebelumnya": "tidak ada data", "Perubahan": "baru"}
    )

    assert data["rows"] == [["Regulasi", "3.0", "+1"], ["Inovasi", "tidak ada data", "baru"]]
    assert data["keys"][1] == ["Inovasi", None, None]  # still no key: an empty cell sorts last either way


def test_an_empty_text_for_a_column_the_table_lacks_is_refused():
    with pytest.raises(KeyError, match="missing for columns the table does not have: \\['Cakupan'\\]"):
        table_data(pd.DataFrame({"Kecamatan": ["Ajung"]}), missing={"Cakupan": "—"})
