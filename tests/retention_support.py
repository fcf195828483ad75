"""Participant rows written straight into a database, for the retention tests (hand-computed cohorts,
worklists, a synthetic Dukuhdempok extract for the page and the browser)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from ucj import schema
from ucj.db import Database
from ucj.imports import membership, membership_store
from ucj.imports.store import load_region
from ucj.membership import synthetic
from ucj.membership.crypto import KEY_ENV, encrypt
from ucj.subsidy.calendar import add_months

DUKUHDEMPOK = "35.09.11.2004"
JANUARY = dt.date(2024, 1, 1)
WULUHAN = "35.09.11"


@dataclass(frozen=True)
class Person:
    nik_hash: str
    registered_on: dt.date
    last_paid_month: dt.date | None
    segment: str = "BPU"
    funding: str | None = "MANDIRI"
    kode_desa: str | None = None
    kode_kec: str | None = None
    agent: str | None = None
    name: str | None = None
    kpj: str | None = None
    status: str = "aktif"
    extra: dict = field(default_factory=dict)


@pytest.fixture
def personal_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Names and KPJ numbers encrypted under a key of the test's own, never the install's."""
    monkeypatch.setenv(KEY_ENV, str(tmp_path_factory.mktemp("key") / "personal_data.key"))


def month(text: str) -> dt.date:
    """'2024-03' → 1 March 2024."""
    year, m = text.split("-")
    return dt.date(int(year), int(m), 1)


def empty_db() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the whole schema and no rows."""
    con = duckdb.connect()
    schema.ensure(con)
    return con


def add_extract(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    people: Iterable[Person],
    extract_date: dt.date,
    kode_kab: str = "13.71",
    synthetic: bool = False,
    file_name: str = "ekstrak.csv",
) -> None:
    con.execute(
        "insert into participant_extract values (?, ?, ?, ?, 'paid', ?)",
        [import_id, kode_kab, file_name, extract_date, synthetic],
    )
    con.executemany(
        "insert into participant (import_id, nik_hash, nik_region, name_enc, kpj_enc, segment, registered_on,"
        " status, last_paid_month, kode_desa, kode_kec, area_basis, funding, perisai_agent, person_key)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nik', ?, ?, person_key_of(?))",
        [
            [
                import_id,
                p.nik_hash,
                (p.kode_kec or kode_kab + ".01").replace(".", "")[:6],
                encrypt(p.name) if p.name else None,
                encrypt(p.kpj) if p.kpj else None,
                p.segment,
                p.registered_on,
                p.status,
                p.last_paid_month,
                p.kode_desa,
                p.kode_kec,
                p.funding,
                p.agent,
                p.nik_hash,
            ]
            for p in people
        ],
    )


def add_list(
    con: duckdb.DuckDBPyConnection,
    list_id: int,
    opd: str,
    hashes: Iterable[str],
    year: int | None = 2024,
    kode_kab: str = "13.71",
    kode_kec: str | None = "13.71.01",
    group: str | None = "petani",
) -> None:
    con.execute(
        "insert into recipient_list values (?, 0, ?, ?, 'subsidy', ?, ?)",
        [list_id, kode_kab, opd, f"SK {list_id}", year],
    )
    con.executemany(
        "insert into recipient values (?, ?, ?, '1371**********00', 'X***', ?, ?)",
        [[list_id, row, h, kode_kec, group] for row, h in enumerate(hashes, start=2)],
    )


FIRST_NAMES = ("Siti", "Ahmad", "Dewi", "Budi", "Rina", "Agus", "Sri", "Joko", "Wati", "Eko", "Nur", "Hadi")
LAST_NAMES = ("Rahayu", "Santoso", "Lestari", "Wibowo", "Susanti", "Hidayat", "Purnama", "Setiawan")


def dukuhdempok_people(paid_to: dt.date, paying: dict[str, int]) -> list[Person]:
    """The two books of the research (SZ 254, ST 228); `paying[agent]` of them paid up to `paid_to`,
    the rest stopped one to six months before January 2024. Names and KPJ numbers are invented."""
    people = []
    for agent, size in (("SZ", 254), ("ST", 228)):
        for i in range(size):
            n = len(people)
            lapsed = 0 if i < paying[agent] else 1 + (i % 6)
            last = paid_to if not lapsed else add_months(JANUARY, -lapsed)
            people.append(
                Person(
                    nik_hash=f"h{agent}{i:03d}",
                    registered_on=dt.date(2019, 1 + i % 12, 1 + i % 28),
                    last_paid_month=last,
                    kode_desa=DUKUHDEMPOK,
                    kode_kec=WULUHAN,
                    agent=agent,
                    name=f"{FIRST_NAMES[n % 12]} {LAST_NAMES[(n // 12) % 8]} {agent}{i:03d}",
                    kpj=f"{24000000000 + n:011d}",
                )
            )
    return people


def add_dukuhdempok(con: duckdb.DuckDBPyConnection) -> None:
    """Two synthetic extracts of Kab. Jember: January 2024, then June 2024 with 20 of SZ's lapsed paying again."""
    add_extract(
        con,
        9001,
        dukuhdempok_people(month("2024-01"), {"SZ": 35, "ST": 12}),
        dt.date(2024, 1, 31),
        kode_kab="35.09",
        synthetic=True,
        file_name="contoh_dukuhdempok_2024-01.csv",
    )
    later = dukuhdempok_people(month("2024-06"), {"SZ": 55, "ST": 12})
    add_extract(
        con, 9002, later, dt.date(2024, 6, 30), kode_kab="35.09", synthetic=True, file_name="contoh_dukuhdempok.csv"
    )


def import_synthetic(path: Path, key: str, folder: Path, secret: bytes) -> None:
    """Issue 13's synthetic extract `key` written as CSV and imported through its importer into `path`."""
    db = Database(path)
    with db.reading() as con:
        region = load_region(con, synthetic.REGIONS[key].kode_kab)
    _, text = synthetic.extract(key, synthetic.desa_by_kecamatan(region.kecamatan, region.desa))
    csv_path = folder / synthetic.REGIONS[key].file_name
    csv_path.write_text(text, encoding="utf-8")
    staged = membership.stage(csv_path, csv_path.name, region, membership.Options(), secret)
    with db.writer() as con:
        membership_store.commit(con, staged, "test")
    staged.discard()
    db.close()
