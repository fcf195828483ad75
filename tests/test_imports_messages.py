"""Every problem an import can report has a message in Bahasa Indonesia and in English."""

from __future__ import annotations

import re

import pytest

from ucj.i18n import table
from ucj.imports.kinds import KINDS
from ucj.paths import ROOT

SOURCES = sorted((ROOT / "ucj" / "imports").glob("*.py"))
CODE = re.compile(r"""(?:Problem|CellError|rejected)\(\s*["']([a-z_]+)["']""")
CHOICE_CODES = {"bad_segment", "bad_status", "bad_metric"}  # passed to values.choice as an argument


def _codes() -> set[str]:
    found = {code for path in SOURCES for code in CODE.findall(path.read_text(encoding="utf-8"))}
    return found | CHOICE_CODES | {"nik_digits", "nik_region", "nik_birth_date", "nik_serial"}


@pytest.mark.parametrize("code", sorted(_codes()))
def test_problem_has_both_languages(code):
    entry = table()[f"data.problem.{code}"]
    assert entry["id"].strip() and entry["en"].strip() and entry["id"] != entry["en"]


@pytest.mark.parametrize("kind", [*KINDS, "boundaries"])
def test_every_kind_is_named_and_explained(kind):
    assert f"data.kind.{kind}" in table()
    if kind != "boundaries":
        assert f"data.kind_help.{kind}" in table()


def test_every_source_code_is_found():
    assert len(_codes()) > 50  # the pattern still matches how problems are raised
