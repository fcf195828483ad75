"""A calculator scenario as a PDF for a budget hearing: inputs, results and the regulations behind the rates.

The text is Indonesian with characters such as '×', '≈' and '–', so the PDF embeds DejaVu Sans from
Debian's fonts-dejavu-core (installed by scripts/test.sh). Without it the PDF falls back to a core
font that knows only Latin-1: other characters are replaced, and the PDF says so on its first page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from ucj import fmt
from ucj.fmt import Lang
from ucj.i18n import t
from ucj.subsidy.evaluate import Results
from ucj.subsidy.headcount import Region
from ucj.subsidy.report import formatted, sections
from ucj.subsidy.rules import RuleBook

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FALLBACK_FONT = "helvetica"
# Relative widths of the rules table (rule, applies to, value, from, until, regulation, source): the
# regulation and the source are long and must stay readable.
RULE_COLUMN_WIDTHS = (3, 1.6, 2.4, 1.8, 1.8, 3.4, 5)


def font_available(folder: Path = FONT_DIR) -> bool:
    return all((folder / name).is_file() for name in FONT_FILES.values())


class Report(FPDF):
    """Landscape A4 in DejaVu Sans when installed, else the Latin-1 core font (text replaced to fit)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.unicode = font_available(folder)
        if self.unicode:
            for style, name in FONT_FILES.items():
                self.add_font("dejavu", style=style, fname=str(folder / name))
        self.font_name = "dejavu" if self.unicode else FALLBACK_FONT
        self.set_auto_page_break(auto=True, margin=12)

    def text_of(self, value: object) -> str:
        text = "" if value is None else str(value)
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(self.font_name, size=7)
        self.cell(0, 5, self.text_of(f"{self.page_no()}"), align="R")


def paragraph(pdf: Report, text: str, size: float, height: float, style: str = "") -> None:
    pdf.set_font(pdf.font_name, style, size)
    pdf.multi_cell(0, height, pdf.text_of(text), new_x="LMARGIN", new_y="NEXT")


def scenario_pdf(
    r: Results,
    book: RuleBook,
    region: Region,
    lang: Lang = "id",
    font_folder: Path = FONT_DIR,
    today: dt.date | None = None,
) -> bytes:
    pdf = Report(font_folder)
    pdf.add_page()
    paragraph(pdf, t("kalk.pdf.title", lang, name=r.scenario.name or t("kalk.unnamed", lang)), 14, 7, "B")
    paragraph(pdf, t("kalk.pdf.made", lang, day=fmt.date(today or dt.date.today(), lang)), 8, 4)
    if not pdf.unicode:
        paragraph(pdf, t("kalk.pdf.font_fallback", lang, folder=str(font_folder)), 8, 4)
    for section in sections(r, book, region, lang):
        pdf.ln(2)
        paragraph(pdf, t(f"kalk.section.{section.key}", lang), 10, 6, "B")
        if section.frame.empty:
            paragraph(pdf, fmt.MISSING[lang], 8, 4)
            continue
        pdf.set_font(pdf.font_name, size=7 if section.key == "rules" else 8)
        shown = formatted(section.frame, section.formats, lang)
        widths = RULE_COLUMN_WIDTHS if section.key == "rules" else None
        heading = FontFace(emphasis="BOLD")
        with pdf.table(headings_style=heading, line_height=4, text_align="LEFT", col_widths=widths) as table:
            table.row([pdf.text_of(c) for c in shown.columns])
            for values in shown.itertuples(index=False):
                table.row([pdf.text_of(v) for v in values])
    return bytes(pdf.output())
