"""How clicks and the back button move the map's focus, and how a stale link is cleaned."""

from __future__ import annotations

import pytest

from ucj.map.focus import Focus

KEC, OTHER, DESA = "13.71.01", "13.71.02", "13.71.01.1001"


@pytest.mark.parametrize(
    ("before", "kode", "has_desa", "after"),
    [
        (Focus(), KEC, True, Focus(KEC)),  # first click selects
        (Focus(KEC), KEC, True, Focus(KEC, drilled=True)),  # second click opens the desa map
        (Focus(KEC), KEC, False, Focus(KEC)),  # ... only where desa boundaries exist
        (Focus(KEC), OTHER, True, Focus(OTHER)),
        (Focus(KEC, drilled=True), DESA, True, Focus(KEC, drilled=True, desa=DESA)),
        (Focus(KEC, drilled=True, desa=DESA), "13.71.01.1002", True, Focus(KEC, True, "13.71.01.1002")),
    ],
)
def test_click(before, kode, has_desa, after):
    assert before.click(kode, has_desa) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (Focus(KEC, True, DESA), Focus(KEC, True)),
        (Focus(KEC, True), Focus(KEC)),
        (Focus(KEC), Focus()),
        (Focus(), Focus()),
    ],
)
def test_up_goes_back_one_step(before, after):
    assert before.up() == after


@pytest.mark.parametrize(
    ("link", "checked"),
    [
        (Focus(KEC, True, DESA), Focus(KEC, True, DESA)),
        (Focus("99.99.99"), Focus()),  # a kecamatan of another region
        (Focus(OTHER, True), Focus(OTHER)),  # no desa boundaries there
        (Focus(KEC, True, "13.71.02.1001"), Focus(KEC, True)),  # a desa of another kecamatan
        (Focus(KEC, False, DESA), Focus(KEC)),  # a desa without the desa map
    ],
)
def test_checked_drops_what_does_not_exist(link, checked):
    assert link.checked({KEC, OTHER}, {KEC}, {DESA, "13.71.02.1001"}) == checked


def test_level():
    assert (Focus(KEC).level, Focus(KEC, True).level) == ("kecamatan", "desa")
