"""Synthetic training extracts ("contoh sintetis"): invented people whose counts match the published figures.

Deterministic (seeded), so the same file comes out every time. Every NIK has the impossible birth
month 00 (`ucj.membership.nik.SYNTHETIC_MONTH`), every KPJ number starts with 99, and the file's
first line says it is synthetic; the importer accepts such NIKs only from a file with that line, and
everything computed from it carries the mark. Never loaded into the demo database.

- Kota Padang (13.71), as of 30 June 2024: 134.249 active participants in January 2024 (published,
  Fitri dkk. 2025), PU steady at 96.500 (midpoint of the published 95.000–98.000), BPU falling from
  3.639 in January to 2.784 in June (published endpoints, an even fall between), the rest Jasa
  Konstruksi and PMI. Kecamatan differ in coverage on purpose: weights are drawn per kecamatan.
- Desa Dukuhdempok, Kec. Wuluhan, Kab. Jember: the two Perisai agents' books, SZ with 254 participants
  of whom 35 pay and ST with 228 of whom 12 pay (published: 30–40 and 10–15), BPU, self-paid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ucj.membership.active import add_months
from ucj.membership.nik import SYNTHETIC_MONTH

MARK_LINE = "CONTOH SINTETIS: data latihan buatan (bukan orang sungguhan)"
HEADER = (
    "NIK",
    "Nama",
    "No KPJ",
    "Segmen",
    "Program",
    "Tanggal Daftar",
    "Status",
    "Bulan Terakhir Bayar",
    "Desa",
    "Sumber Iuran",
    "Agen Perisai",
)
GIVEN = [
    "Adi",
    "Ani",
    "Bayu",
    "Citra",
    "Dewi",
    "Eka",
    "Fajar",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Mega",
    "Nanda",
    "Oki",
    "Putri",
    "Rani",
    "Sari",
    "Tono",
    "Umar",
    "Vina",
    "Wahyu",
    "Yudi",
    "Zahra",
    "Rizki",
    "Ayu",
    "Bima",
    "Dian",
    "Fitri",
]
FAMILY = [
    "Saputra",
    "Wijaya",
    "Lestari",
    "Pratama",
    "Kurniawan",
    "Hidayat",
    "Permata",
    "Santoso",
    "Siregar",
    "Nasution",
    "Chaniago",
    "Piliang",
    "Tanjung",
    "Koto",
    "Sikumbang",
    "Rahmawati",
    "Susanto",
    "Handayani",
    "Maharani",
    "Purnomo",
]
# Where NIKs from outside Kota Padang come from: neighbouring kab/kota of Sumatera Barat.
PADANG_NEIGHBOURS = ("13.06", "13.05", "13.72", "13.75", "13.01")


@dataclass(frozen=True)
class Region:
    """One synthetic extract's region and the date it stands at."""

    key: str
    kode_kab: str
    file_name: str
    extract_date: dt.date


PADANG = Region("padang", "13.71", "contoh_sintetis_padang.csv", dt.date(2024, 6, 30))
DUKUHDEMPOK = Region("dukuhdempok", "35.09", "contoh_sintetis_dukuhdempok.csv", dt.date(2021, 6, 30))
REGIONS = {r.key: r for r in (PADANG, DUKUHDEMPOK)}

PADANG_PU = 96_500
PADANG_BPU = (3_639, 3_468, 3_297, 3_126, 2_955, 2_784)  # January–June 2024
PADANG_ALL_JANUARY = 134_249
PADANG_PMI = 4_110
PADANG_LAPSED = {"PU": 6_000, "BPU": 1_500, "JAKON": 2_500, "PMI": 400}  # stopped paying before 2024
BOOKS = (("SZ", 254, 35), ("ST", 228, 12))  # agent, participants, paying
DUKUHDEMPOK_DESA = "35.09.11.2004"


class _People:
    """Invented people with unique synthetic NIKs and KPJ numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.niks: set[str] = set()
        self.kpj = 0

    def nik(self, kode_kec: str) -> str:
        while True:
            day = self.rng.randint(1, 28) + (40 if self.rng.random() < 0.5 else 0)
            year = self.rng.randint(50, 99) if self.rng.random() < 0.7 else self.rng.randint(0, 6)
            serial = self.rng.randint(1, 9999)
            nik = f"{kode_kec.replace('.', '')}{day:02d}{SYNTHETIC_MONTH:02d}{year:02d}{serial:04d}"
            if nik not in self.niks:
                self.niks.add(nik)
                return nik

    def row(self, kode_kec: str, segment: str, registered: dt.date, last_paid: dt.date | None, **extra: str) -> dict:
        self.kpj += 1
        status = "aktif" if last_paid is not None and last_paid >= extra.pop("active_from") else "nonaktif"
        return {
            "NIK": self.nik(kode_kec),
            "Nama": f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}",
            "No KPJ": f"99{self.kpj:09d}",
            "Segmen": segment,
            "Program": "JKK, JKM" if segment == "BPU" else "JKK, JKM, JHT",
            "Tanggal Daftar": registered.isoformat(),
            "Status": status,
            "Bulan Terakhir Bayar": last_paid.strftime("%Y-%m") if last_paid else "",
            **extra,
        }


def _day_in(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def padang_rows(kecamatan: dict[str, list[str]], seed: int = 1371) -> Iterator[dict]:
    """Kota Padang's participants; `kecamatan` maps each kecamatan code to its desa codes."""
    rng = random.Random(seed)
    people = _People(rng)
    codes = sorted(kecamatan)
    weights = [rng.uniform(0.3, 3.0) * max(len(kecamatan[k]), 1) for k in codes]
    june = add_months(dt.date(2024, 1, 1), 5)
    jakon = PADANG_ALL_JANUARY - PADANG_PU - PADANG_BPU[0] - PADANG_PMI
    paying = {"PU": [june] * PADANG_PU, "JAKON": [june] * jakon, "PMI": [june] * PADANG_PMI}
    # BPU: each month some stop paying, so the active count falls month by month as published.
    paying["BPU"] = [
        add_months(dt.date(2024, 1, 1), month)
        for month, (now, after) in enumerate(zip(PADANG_BPU, (*PADANG_BPU[1:], 0)))
        for _ in range(now - after)
    ]
    for segment, months in paying.items():
        lapsed = [add_months(dt.date(2023, 1, 1), rng.randint(0, 11)) for _ in range(PADANG_LAPSED[segment])]
        for last_paid in months + lapsed:
            registered = _day_in(rng, dt.date(2015, 1, 1), min(last_paid, dt.date(2023, 12, 31)))
            yield _padang_person(people, rng, codes, weights, kecamatan, segment, registered, last_paid, june)


def _padang_person(people, rng, codes, weights, kecamatan, segment, registered, last_paid, june) -> dict:
    kode_kec = rng.choices(codes, weights)[0]
    where = rng.random()
    if where < 0.05:  # issued elsewhere, desa not given: counted apart
        outside = rng.choice(PADANG_NEIGHBOURS) + f".{rng.randint(1, 9):02d}"
        return people.row(outside, segment, registered, last_paid, active_from=june, Desa="")
    desa = rng.choice(kecamatan[kode_kec]) if where < 0.75 and kecamatan[kode_kec] else ""
    funding = (
        "POKIR" if segment == "BPU" and rng.random() < 0.1 else ("MANDIRI" if segment == "BPU" else "PEMBERI_KERJA")
    )
    return people.row(
        kode_kec, segment, registered, last_paid, active_from=june, Desa=desa, **{"Sumber Iuran": funding}
    )


def dukuhdempok_rows(seed: int = 3509) -> Iterator[dict]:
    """The two Perisai agents' books in Desa Dukuhdempok, as of June 2021."""
    rng = random.Random(seed)
    people = _People(rng)
    june = DUKUHDEMPOK.extract_date.replace(day=1)
    for agent, participants, paying in BOOKS:
        for index in range(participants):
            registered = _day_in(rng, dt.date(2018, 10, 1), dt.date(2020, 12, 31))
            if index < paying:
                last_paid: dt.date | None = june
            elif rng.random() < 0.2:
                last_paid = None  # registered, never paid
            else:
                first = registered.replace(day=1)
                last_paid = add_months(
                    first, rng.randint(0, (june.year - first.year) * 12 + june.month - first.month - 1)
                )
            extra = {"Desa": DUKUHDEMPOK_DESA, "Sumber Iuran": "MANDIRI", "Agen Perisai": agent}
            yield people.row("35.09.11", "BPU", registered, last_paid, active_from=june, **extra)


def csv_text(region: Region, rows: Iterator[dict]) -> str:
    """The extract as CSV: the synthetic mark and the date it stands at, then the header and the rows."""
    out = io.StringIO()
    writer = csv.DictWriter(out, HEADER, lineterminator="\n")
    out.write(f"{MARK_LINE} per {region.extract_date.isoformat()}\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in HEADER})
    return out.getvalue()


def extract(key: str, kecamatan: dict[str, list[str]]) -> tuple[Region, str]:
    """The synthetic extract `key` ('padang' or 'dukuhdempok') as CSV text; `kecamatan` maps codes to desa codes."""
    region = REGIONS[key]
    rows = padang_rows(kecamatan) if key == PADANG.key else dukuhdempok_rows()
    return region, csv_text(region, rows)


def desa_by_kecamatan(kecamatan: Iterable[str], desa: Iterable[str]) -> dict[str, list[str]]:
    """Each kecamatan code with its desa codes (a kecamatan without desa in the app gets none)."""
    out: dict[str, list[str]] = {k: [] for k in kecamatan}
    for kode in sorted(desa):
        out.setdefault(kode[:8], []).append(kode)
    return out
