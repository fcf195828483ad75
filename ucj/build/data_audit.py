"""The data audit: rules every figure of the demo database keeps, checked by the build and the tests.

Officials quote these numbers in budget hearings, so a figure dated, bounded or labelled differently
from its source is a defect even when the digits are right. Each rule is a function over plain tables
(the seed tables, or the rows the build made from them) returning what breaks it, one finding per row,
so a hand-made table tests it and the build refuses a database that breaks any of them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from ucj import fmt
from ucj.subsidy.rules import DISCOUNT, WORKER_GROUPS, RuleBook, RuleNotFound

MEASURE_TABLES = ("workforce", "participants", "population", "target")
# The measure a table keeps per row, and the columns that tell one series from another.
VALUE_COLUMN = {"workforce": "persons", "participants": "persons", "population": "persons", "target": "value"}
SERIES_KEYS = {
    "workforce": ("kode_wilayah", "level"),
    "participants": ("kode_wilayah", "level", "segment", "status"),
    "population": ("kode_wilayah", "level"),
    "target": ("kode_wilayah", "level", "segment", "metric"),
}
# Words that make a stated number a bound ("lebih dari 46.000"), not a point.
BOUND_WORDS = r"(?:lebih dari|kurang dari|belum mencapai|di atas|di bawah|>|<)"
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "aug"),
            ("september", "sep"),
            ("oktober", "october", "oct", "okt"),
            ("november", "nov"),
            ("desember", "december", "dec", "des"),
        ),
        start=1,
    )
    for name in names
}
FULL_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\.? (\d{4})\b", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])")
RANGE_WORDS = re.compile(r"–|—| - |s\.d\.|sampai", re.IGNORECASE)
# The rules a calculator screen asks for (package rates and benefits); PU rows are shown, never priced.
CALCULATOR_RULES = ("bpu.jkk.rate", "bpu.jkm.amount", "bpu.jht.rate")


@dataclass(frozen=True)
class Finding:
    """One row that breaks one rule: where it is and what is wrong, in words a data officer can act on."""

    rule: str
    table: str
    row: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.table} {self.row}: {self.message}"


class AuditError(ValueError):
    """The database breaks the audit; the message names every row that does."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("audit data gagal:\n" + "\n".join(f"  {f}" for f in findings))


@dataclass
class Tables:
    """What the audit reads: the figure tables and the measure rows made from them."""

    published_figure: pd.DataFrame
    figure_discrepancy: pd.DataFrame = field(default_factory=pd.DataFrame)
    subsidy_programme: pd.DataFrame = field(default_factory=pd.DataFrame)
    measures: dict[str, pd.DataFrame] = field(default_factory=dict)
    rules: RuleBook | None = None
    _by_id: dict[str, pd.Series] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {row["figure_id"]: row for _, row in self.published_figure.iterrows()}

    def figure(self, figure_id: object) -> pd.Series | None:
        return self._by_id.get(figure_id) if isinstance(figure_id, str) else None


def _present(value: object) -> bool:
    return value is not None and not (pd.api.types.is_scalar(value) and pd.isna(value))


def _date(value: object) -> dt.date | None:
    return pd.Timestamp(value).date() if _present(value) else None


def one_sided(figure: pd.Series) -> str | None:
    """'lower' or 'upper' when the figure states only "more than" or "less than" (the seeds store
    "less than 50 %" as 0 – 50), None for a point value or a two-sided range."""
    if _present(figure["value"]):
        return None
    low, high = figure["value_low"], figure["value_high"]
    if _present(low) and not _present(high):
        return "lower"
    if _present(high) and (not _present(low) or float(low) == 0):
        return "upper"
    return None


def _figure_ids(row: pd.Series) -> list[str]:
    """A measure row names one figure, or two joined by '|' (a line between two points)."""
    return str(row["figure_id"]).split("|") if _present(row.get("figure_id")) else []


def _measure_rows(tables: Tables) -> Iterable[tuple[str, pd.Series]]:
    for table, frame in tables.measures.items():
        for _, row in frame.iterrows():
            yield table, row


def _row_label(table: str, row: pd.Series) -> str:
    when = row.get("period", row.get("year"))
    when = _date(when) if isinstance(when, dt.date | pd.Timestamp) else when
    parts = [row["kode_wilayah"], row["level"], when, row.get("segment"), row.get("status"), row.get("metric")]
    return " ".join(str(p) for p in (*parts, row["kind"]) if _present(p))


def _stated_value(figure: pd.Series, bound: object) -> float | None:
    if _present(figure["value"]):
        return float(figure["value"])
    end = {"lower": "value_low", "upper": "value_high"}.get(bound) if isinstance(bound, str) else None
    return float(figure[end]) if end and _present(figure[end]) else None


def estimates_stay_estimates(tables: Tables) -> list[Finding]:
    """A row labelled published is a figure's own value for the figure's own area; anything the build
    made (spread over kecamatan, a line between two points, a midpoint, a quotient) is an estimate."""
    out = []
    for table, row in _measure_rows(tables):
        if row["kind"] != "published" or not _present(row.get("figure_id")):
            continue
        ids = _figure_ids(row)
        figure = tables.figure(ids[0]) if len(ids) == 1 else None
        problem = None
        if figure is None:
            problem = f"berlabel terbitan, tetapi figure_id {row['figure_id']!r} bukan satu angka terbitan"
        elif figure["kode_wilayah"] != row["kode_wilayah"]:
            problem = (
                f"berlabel terbitan untuk {row['kode_wilayah']}, padahal {ids[0]} menyebut {figure['kode_wilayah']}"
            )
        else:
            stated = _stated_value(figure, row.get("bound"))
            value = float(row[VALUE_COLUMN[table]])
            if stated is None or abs(value - stated) > 0.5:
                problem = f"berlabel terbitan, tetapi {value:g} bukan angka yang dinyatakan {ids[0]}"
        if problem:
            out.append(Finding("estimates_stay_estimates", table, _row_label(table, row), problem + ": perkiraan"))
    return out


def _full_dates(text: str) -> list[dt.date]:
    dates = []
    for day, month, year in FULL_DATE.findall(text):
        try:
            dates.append(dt.date(int(year), MONTHS[month.lower()], int(day)))
        except ValueError:
            continue
    return dates


def periods_match_their_sources(tables: Tables) -> list[Finding]:
    """A figure stands when its source says it was true, and a measure stands inside its figure's period.

    A total over several dated documents (two SK Bupati) is true from the latest of them; a figure
    never starts after the one day its source names (a later day is when it was reported); a stated
    year overlaps its period.
    """
    out = []
    for _, f in tables.published_figure.iterrows():
        start, end, text = _date(f["period_start"]), _date(f["period_end"]), str(f.get("period_text") or "")
        if start is None:
            continue
        dates = _full_dates(text)
        years = {int(y) for y in YEAR.findall(text)}
        problem = None
        if end is not None and end < start:
            problem = "period_end sebelum period_start"
        elif len(dates) > 1 and not RANGE_WORDS.search(text) and start < max(dates):
            problem = f"jumlah beberapa dokumen bertanggal baru benar sejak {max(dates)}, bukan {start}"
        elif len(dates) == 1 and dates[0] < start:  # a later date is when it was reported
            problem = f"sumber menyebut {dates[0]}, tetapi periodenya baru mulai {start}"
        elif years and not any(start.year <= y <= (end or start).year for y in years):
            problem = f"tahun yang disebut ({', '.join(map(str, sorted(years)))}) di luar periode {start} – {end}"
        if problem:
            out.append(Finding("periods_match_their_sources", "published_figure", f["figure_id"], problem))
    for table, row in _measure_rows(tables):
        ids = _figure_ids(row)
        figure = tables.figure(ids[0]) if len(ids) == 1 else None
        if figure is None or not _present(figure["period_start"]):
            continue
        start, end = _date(figure["period_start"]), _date(figure["period_end"])
        if "period" in row and _present(row["period"]):
            when = _date(row["period"])
            inside = (when.year, when.month) >= (start.year, start.month) and (end is None or when <= end)
        elif _present(row.get("year")):
            when = int(row["year"])
            inside = start.year <= when <= (end or start).year
        else:
            continue
        if not inside:
            out.append(
                Finding(
                    "periods_match_their_sources",
                    table,
                    _row_label(table, row),
                    f"berdiri pada {when}, di luar periode {ids[0]} ({start} – {end or '…'})",
                )
            )
    return out


def bounds_stay_bounds(tables: Tables) -> list[Finding]:
    """ "More than 46.000" is stored as a bound: never as a figure's point value, never as a plain count."""
    out = []
    for _, f in tables.published_figure.iterrows():
        if not _present(f["value"]) or not _present(f.get("quote")):
            continue
        number = (
            fmt.number(float(f["value"]), "id", decimals=0 if float(f["value"]).is_integer() else 2)
            .rstrip("0")
            .rstrip(",")
        )
        if re.search(BOUND_WORDS + r"\s*" + re.escape(number) + r"(?![\d.,])", str(f["quote"]), re.IGNORECASE):
            out.append(
                Finding(
                    "bounds_stay_bounds", "published_figure", f["figure_id"], f"sumber menyebut batas, bukan {number}"
                )
            )
    return out + _unmarked_bounds(
        tables, "published", "bounds_stay_bounds", "batas dari sumber disimpan sebagai angka pasti"
    )


def derived_bounds_are_marked(tables: Tables) -> list[Finding]:
    """Whatever the build computes from a bound (a workforce from "more than 46.000" ÷ 36 %, its
    kecamatan shares) carries the bound too."""
    return _unmarked_bounds(
        tables, "estimate", "derived_bounds_are_marked", "dihitung dari batas, tetapi tidak ditandai sebagai batas"
    )


def _unmarked_bounds(tables: Tables, kind: str, rule: str, message: str) -> list[Finding]:
    """Measure rows of `kind` that stand on a one-sided figure and carry no bound."""
    out = []
    for table, row in _measure_rows(tables):
        if table not in ("workforce", "participants") or row["kind"] != kind:
            continue
        sides = {one_sided(f) for f in map(tables.figure, _figure_ids(row)) if f is not None} - {None}
        if sides and not _present(row.get("bound")):
            out.append(Finding(rule, table, _row_label(table, row), message))
    return out


def series_keep_one_concept(tables: Tables) -> list[Finding]:
    """A series over time measures one thing: where it switches (a text's "tenaga kerja" to BPS's
    "angkatan kerja"), the row after the switch says so in its method."""
    out = []
    for table, frame in tables.measures.items():
        if frame.empty:
            continue
        time = "period" if "period" in frame else "year"
        rows = frame[(frame["kind"] != "upload") & frame["figure_id"].notna()].copy()
        rows["concept"] = rows["figure_id"].map(
            lambda ids: "/".join(sorted({f["indicator"] for f in map(tables.figure, ids.split("|")) if f is not None}))
        )
        rows = rows.sort_values([*SERIES_KEYS[table], time])
        before = rows.groupby(list(SERIES_KEYS[table]), dropna=False)["concept"].shift()
        switched = rows[before.notna() & (before != rows["concept"]) & (rows["concept"] != "")]
        for index, row in switched.iterrows():
            if not _present(row.get("method")):
                out.append(
                    Finding(
                        "series_keep_one_concept",
                        table,
                        _row_label(table, row),
                        f"deret berganti dari {before[index]} ke {row['concept']} tanpa keterangan",
                    )
                )
    return out


STATEMENT = ("source_id", "kode_wilayah", "indicator", "segment", "unit", "value", "value_low", "value_high")
SAME_FIGURE = (*STATEMENT, "period_start", "period_end", "group_label")


def _digits(figure: pd.Series) -> tuple[object, ...]:
    return tuple(figure[c] if _present(figure[c]) else None for c in ("value", "value_low", "value_high", "unit"))


def one_statement_one_figure(tables: Tables) -> list[Finding]:
    """The same statement quoted from two passages (an abstract repeating the body) is one figure with
    both places in its locator, not two figures that can be picked, or shown as competing: no two rows
    state the same thing, and a discrepancy is between figures whose digits differ."""
    out = []
    figures = tables.published_figure.astype({c: "string" for c in SAME_FIGURE}).fillna({c: "" for c in SAME_FIGURE})
    for _, pair in tables.figure_discrepancy.iterrows():
        a, b = tables.figure(pair["figure_a"]), tables.figure(pair["figure_b"])
        if a is not None and b is not None and _digits(a) == _digits(b):
            out.append(
                Finding(
                    "one_statement_one_figure",
                    "figure_discrepancy",
                    f"{pair['figure_a']} | {pair['figure_b']}",
                    "angkanya sama: satu pernyataan dari dua tempat, bukan dua angka yang bersaing",
                )
            )
    for _, same in figures.groupby(list(SAME_FIGURE), dropna=False):
        if len(same) > 1:
            first, *rest = same["figure_id"].tolist()
            for other in rest:
                out.append(
                    Finding(
                        "one_statement_one_figure",
                        "published_figure",
                        other,
                        f"pernyataan yang sama dengan {first}: satu angka, dua tempat dalam teks",
                    )
                )
    return out


def realised_only_where_stated(tables: Tables) -> list[Finding]:
    """A realised amount is stored only where a source states one (a budget, "besar anggaran", is not)."""
    out = []
    frame = tables.subsidy_programme
    if frame.empty:
        return out
    figures = tables.published_figure
    stated = figures[figures["indicator"] == "subsidy_realised_rp"]
    for _, p in frame[frame["realised_rp"].notna()].iterrows():
        match = stated[
            (stated["kode_wilayah"] == p["kode_kab"]) & (stated["value"].astype(float) == float(p["realised_rp"]))
        ]
        if match.empty:
            out.append(
                Finding(
                    "realised_only_where_stated",
                    "subsidy_programme",
                    p["programme_id"],
                    f"realisasi {fmt.rupiah(float(p['realised_rp']))} tanpa angka realisasi terbitan "
                    "(subsidy_realised_rp)",
                )
            )
    return out


def _checkpoints(book: RuleBook) -> list[dt.date]:
    """Every day a rule starts or stops, from the first day the calculator offers: between two of them
    every answer stays the same, so these days cover every lookup a screen can make."""
    first = min(b.period.start for b in book.brackets)
    days = {first}
    for item in (*book.rules, *book.brackets):
        days.add(item.period.start)
        if item.period.end is not None:
            days.add(item.period.end + dt.timedelta(days=1))
    return sorted(d for d in days if d >= first)


def rule_lookups_are_answered(tables: Tables) -> list[Finding]:
    """Every rule a calculator screen can ask for (package rate, discount, bracket; any funding source,
    worker group and month it offers) is a cited row, or refused with a message — never two rows
    answering at once, never an error without words."""
    book = tables.rules
    if book is None:
        return []
    out = []
    groups = sorted(WORKER_GROUPS | {g.worker_group for g in book.groups.values()})
    asks = (*CALCULATOR_RULES, DISCOUNT)
    for on, funding, group, name in itertools.product(_checkpoints(book), sorted(book.funding), groups, asks):
        where = f"{name} {on} {funding} {group}"
        try:
            if name == DISCOUNT:
                found = book.discount(on, funding, group, open_applies=True)
            else:
                found = book.require(name, on, funding, group)
        except RuleNotFound as refused:
            if not refused.message("id"):
                out.append(Finding("rule_lookups_are_answered", "data/rules", where, "ditolak tanpa pesan"))
            continue
        except Exception as err:  # any other failure (two rows answering at once) is what this rule looks for
            out.append(Finding("rule_lookups_are_answered", "data/rules", where, f"{type(err).__name__}: {err}"))
            continue
        if found is not None and not (found.citation.regulation and found.citation.source):
            out.append(Finding("rule_lookups_are_answered", "data/rules", where, "aturan tanpa rujukan"))
    return out


RULES: dict[str, Callable[[Tables], list[Finding]]] = {
    f.__name__: f
    for f in (
        estimates_stay_estimates,
        periods_match_their_sources,
        bounds_stay_bounds,
        derived_bounds_are_marked,
        series_keep_one_concept,
        one_statement_one_figure,
        realised_only_where_stated,
        rule_lookups_are_answered,
    )
}


def audit(tables: Tables) -> list[Finding]:
    """Every finding of every rule."""
    return [finding for rule in RULES.values() for finding in rule(tables)]


def read(con: duckdb.DuckDBPyConnection, rules: RuleBook | None = None) -> Tables:
    """The audit's tables from a database: the build's own rows (a Pemda's uploads are theirs)."""

    def frame(sql: str) -> pd.DataFrame:
        return con.execute(sql).df()

    return Tables(
        published_figure=frame("select * from published_figure"),
        figure_discrepancy=frame("select * from figure_discrepancy"),
        subsidy_programme=frame("select * from subsidy_programme where kind <> 'upload'"),
        measures={t: frame(f"select * from \"{t}\" where kind <> 'upload'") for t in MEASURE_TABLES},
        rules=rules,
    )


def check(con: duckdb.DuckDBPyConnection, rules: RuleBook | None = None) -> None:
    """Refuse a database that breaks the audit, naming every row that does."""
    findings = audit(read(con, rules))
    if findings:
        raise AuditError(findings)
