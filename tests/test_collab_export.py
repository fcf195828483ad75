"""The action list for the minutes: tracker order, masked contacts, and files that cannot run a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from ucj.collab.export import minutes_frame
from ucj.table_export import to_csv, to_xlsx

TODAY = dt.date(2026, 11, 23)
CONTACT = "budi.santoso@disnaker.padang.go.id"


def actions() -> pd.DataFrame:
    """Rows shaped like queries/collab_actions.sql returns them."""
    return pd.DataFrame(
        {
            "action_id": ["padang_a01", "padang_m001", "padang_m002"],
            "title": ["Memperkuat pemutakhiran data pekerja informal", '=HYPERLINK("http://x","klik")', "@SUM(A1)"],
            "title_en": ["Strengthen the updating of informal-worker data", None, None],
            "horizon": ["short", None, "long"],
            "owner": ["Pemerintah Kota Padang bersama BPJS Ketenagakerjaan", "-Dinsos", None],
            "owner_contact": [None, CONTACT, "0812-3456-7890"],
            "due_date": pd.to_datetime([None, "2026-11-01", "2027-03-31"]),
            "status": ["open", "in_progress", "open"],
            "indicator_label_id": ["Ketidakpastian", "Kepemimpinan", None],
            "indicator_label_en": ["Uncertainty", "Leadership", None],
            "source_short": ["Trimaulina dkk. (2025)", None, None],
            "locator": ["Penutup (rekomendasi jangka pendek)", None, None],
            "meeting_ref": [None, "+Notulen 12/2026", None],
        }
    )


def test_minutes_follow_the_tracker_and_read_like_minutes():
    frame = minutes_frame(actions(), "id", TODAY)
    assert list(frame.columns) == [
        "No.", "Tindak lanjut", "Jangka waktu", "Penanggung jawab", "Kontak (disamarkan)", "Tenggat", "Status",
        "Terlambat?", "Indikator terkait", "Sumber / rapat",
    ]  # fmt: skip
    first = frame.iloc[0]
    assert first["Tindak lanjut"].startswith("=HYPERLINK")  # overdue first
    assert first["Terlambat?"] == "Terlambat"
    assert first["Tenggat"] == "1 November 2026"
    assert first["Kontak (disamarkan)"] == "b•••@disnaker.padang.go.id"
    assert first["Status"] == "Berjalan"
    assert frame.iloc[1]["Tenggat"] == "31 Maret 2027"
    assert frame.iloc[1]["Penanggung jawab"] == "belum ditetapkan"
    assert frame.iloc[1]["Kontak (disamarkan)"] == "•••890"
    research = frame.iloc[2]
    assert research["Sumber / rapat"] == "Trimaulina dkk. (2025), Penutup (rekomendasi jangka pendek)"
    assert research["Jangka waktu"] == "Jangka pendek"
    assert research["Tenggat"] == ""
    assert frame["No."].tolist() == [1, 2, 3]


def test_minutes_in_english_use_the_english_titles_where_there_are_some():
    frame = minutes_frame(actions(), "en", TODAY)
    assert frame.iloc[2]["Action"] == "Strengthen the updating of informal-worker data"
    assert frame.iloc[0]["Action"].startswith("=HYPERLINK")  # a meeting's own words stay as written
    assert frame.iloc[0]["Overdue?"] == "Overdue"
    assert frame.iloc[0]["Due date"] == "1 November 2026"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_exports_never_carry_a_raw_contact(lang):
    frame = minutes_frame(actions(), lang, TODAY)
    assert CONTACT.encode() not in to_csv(frame)
    assert b"0812" not in to_csv(frame)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame, "Tindak lanjut")))
    values = [str(c.value) for row in book.active.iter_rows() for c in row if c.value is not None]
    assert not any(CONTACT in v or "0812" in v for v in values)


def test_csv_cells_that_start_like_formulas_get_an_apostrophe():
    text = to_csv(minutes_frame(actions(), "id", TODAY)).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert '\'=HYPERLINK("http://x","klik")' in cells
    assert "'@SUM(A1)" in cells
    assert "'-Dinsos" in cells
    assert "'+Notulen 12/2026" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_excel_cells_are_text_never_formulas():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(minutes_frame(actions(), "id", TODAY), "Tindak lanjut")))
    cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://x","klik")' in texts
    assert "'@SUM(A1)" in texts
    assert not [v for v in texts if v[:1] in ("=", "+", "-", "@")]
