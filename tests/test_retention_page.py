"""The Retensi page in AppTest on a synthetic Dukuhdempok extract: every tab, the "contoh sintetis" mark,
masked worklists, no export for a viewer, an editor's export in the audit log, public exports without
a name, a KPJ number or a NIK."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import openpyxl
import pytest

from tests.apptest_support import open_app
from tests.data_support import add_user, signed_in
from tests.retention_support import WULUHAN, add_dukuhdempok, add_list, dukuhdempok_people, month
from ucj.db import Database
from ucj.retention.export import public_csv
from ucj.retention.worklist import EXPORT_FORMATS
from ui.retention.worklist import EXPORT_KEY

PAGE = "views/retention.py"
PEOPLE = dukuhdempok_people(month("2024-06"), {"SZ": 55, "ST": 12})
NAMES = [p.name for p in PEOPLE]
KPJ = [p.kpj for p in PEOPLE]


@pytest.fixture
def extract_db(data_db: Path, personal_key: None) -> Path:
    """The test database with the synthetic Dukuhdempok extracts and two overlapping OPD lists of Jember."""
    with duckdb.connect(str(data_db)) as con:
        add_dukuhdempok(con)
        add_list(con, 501, "Dinas Sosial", ["hSZ000", "hSZ100", "hST001", "x1"], 2024, "35.09", WULUHAN)
        add_list(con, 502, "Disnaker", ["hSZ100", "x1", "x2"], 2024, "35.09", WULUHAN)
    return data_db


def _frame(at, *columns: str):
    """The first table on the page with these columns (AppTest does not expose a dataframe's key)."""
    return next(e.value for e in at.dataframe if set(columns) <= set(e.value.columns))


def _texts(at) -> str:
    parts = [str(e.value) for kind in ("markdown", "caption", "info", "metric", "selectbox") for e in getattr(at, kind)]
    parts += [e.value.to_csv() for e in at.dataframe]
    return "\n".join(parts)


def test_every_tab_renders_with_the_synthetic_mark(extract_db: Path, db) -> None:
    at = open_app("jember", page=PAGE)
    assert [tab.label for tab in at.tabs] == ["Kohort", "Daftar kerja", "Registrasi ganda", "Agen Perisai"]
    text = _texts(at)
    assert "contoh sintetis" in text and "Data unggahan" in text and "contoh_dukuhdempok.csv" in text
    assert not any(name in text for name in NAMES) and not any(k in text for k in KPJ)
    # The agent's book in June 2024: 254 registered, 55 paying; 20 of them paid again since January.
    books = _frame(at, "Agen", "Terdaftar", "Kembali membayar (24 bulan)").set_index("Agen")
    assert books.loc["SZ", ["Terdaftar", "Membayar", "Kembali membayar (24 bulan)"]].tolist() == ["254", "55", "20"]
    assert at.metric[0].label == "Tertunggak 1 bulan"


def test_cohorts_by_agent_and_after_the_subsidy(extract_db: Path, db) -> None:
    at = open_app("jember", page=PAGE)
    at.radio(key="ret_cohort_by").set_value("agent").run()
    table = _frame(at, "Kohort", "Anggota")
    assert set(table["Kohort"]) == {"SZ", "ST"}
    at.radio(key="ret_cohort_by").set_value("list").run()
    at.checkbox(key="ret_after_subsidy").check().run()
    assert not at.exception
    assert "Desember tahun SK" in _texts(at)


def test_viewer_sees_a_masked_list_and_cannot_export(extract_db: Path, db) -> None:
    at = open_app("jember", page=PAGE, worklist="agent:SZ")
    assert at.selectbox(key="ret_wl_scope").value == "agent:SZ"
    shown = _frame(at, "Nama", "No. KPJ")
    assert len(shown) == 254 - 55 + 20  # lapsed, then the 20 who paid again
    assert shown["Nama"].str.fullmatch(r"(\w\*\*\* ?)+").all()
    assert not [b for b in at.button if b.key == "ret_wl_prepare"]
    assert any("editor" in i.value for i in at.info)
    assert EXPORT_KEY not in at.session_state


@pytest.fixture
def editor_db(extract_db: Path, fast_hashing: None) -> Path:
    add_user(extract_db, "petugas", "editor")
    return extract_db


def test_editor_export_is_in_clear_and_in_the_audit_log(editor_db: Path, db) -> None:
    at = signed_in("jember", "petugas")
    at.switch_page(PAGE).run()
    at.selectbox(key="ret_wl_scope").set_value("agent:ST").run()
    at.button(key="ret_wl_prepare").click().run()
    assert not at.exception
    scope, xlsx, pdf = at.session_state[EXPORT_KEY]
    assert scope == "agent:ST" and pdf.startswith(b"%PDF")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row}
    st_names = {p.name for p in PEOPLE if p.agent == "ST"}
    listed = st_names & cells
    assert len(listed) == 228 - 12 and "Dibuat oleh petugas" in " ".join(cells)
    log = db.query("audit_log_entries")
    entry = log[log["action"] == "worklist_export"]
    assert entry["actor"].tolist() == ["petugas"]
    assert entry["detail"].iloc[0] == f"agent=ST; {'+'.join(EXPORT_FORMATS)}; {228 - 12} orang"


def test_double_registration_on_the_page(extract_db: Path, db) -> None:
    at = open_app("jember", page=PAGE)
    lists = _frame(at, "OPD", "SK").set_index("OPD")
    # Dinsos: SZ000 and SZ100 pay themselves (MANDIRI), the APBD list pays them again; Disnaker: SZ100 and
    # x1 were on Dinsos' list before (and SZ100 pays himself).
    assert lists.loc["Dinas Sosial", "Dibayar dua kali"] == "2"
    assert lists.loc["Disnaker", "Dibayar dua kali"] == "2"
    assert lists.loc["Disnaker", "Rupiah terbuang"] == "Rp 403.200"  # 2 × 12 × Rp16.800


def test_public_exports_hold_no_name_kpj_or_nik(extract_db: Path) -> None:
    db = Database(extract_db)
    exports = [
        public_csv(db.query("retention_agent_books", kode_kab="35.09"), ["registered"], "x", "id"),
        public_csv(
            db.query(
                "retention_cohort_curves", kode_kab="35.09", cohort_by="agent", split="none", anchor="registration"
            ),
            ["members", "observed", "active"],
            "x",
            "id",
        ),
    ]
    db.close()
    for blob in exports:
        text = blob.decode("utf-8-sig")
        assert not any(n in text for n in NAMES) and not any(k in text for k in KPJ)
        assert "hSZ" not in text and "hST" not in text  # not even the keyed hashes
