import datetime as dt

import pandas as pd
import pytest

from ucj.region.headline import (
    closest_in_time,
    coverage_figures,
    gap_figures,
    headline,
    subsidised_figure,
    target_figure,
)

D = dt.date


def workforce(*rows):
    return pd.DataFrame(
        [
            {
                "period": p,
                "persons": v,
                "kind": "published",
                "method": None,
                "source_short": s,
                "period_text": None,
                "quote": "q",
            }
            for p, v, s in rows
        ],
        columns=["period", "persons", "kind", "method", "source_short", "period_text", "quote"],
    )


def segments(*rows):
    return pd.DataFrame(
        [
            {
                "segment": seg,
                "status": status,
                "period": p,
                "persons": v,
                "kind": "published",
                "method": None,
                "source_short": "T",
                "period_text": "per 2024",
                "quote": "q",
            }
            for seg, status, p, v in rows
        ],
        columns=["segment", "status", "period", "persons", "kind", "method", "source_short", "period_text", "quote"],
    )


NO_RATES = pd.DataFrame(columns=["value", "period_start", "period_text", "source_short", "quote", "kind"])


def test_padang_rate_is_an_estimate_from_the_workforce_closest_in_time():
    wf = workforce((D(2023, 8, 1), 426765, "Trimaulina"), (D(2025, 1, 1), 493647, "BPS"))
    seg = segments(("ALL", "active", D(2024, 1, 1), 134249))
    w, a, c = coverage_figures(wf, seg, NO_RATES)
    assert w.value == 426765
    assert a.value == 134249
    assert c.text() == "31,5 %"
    assert c.provenance.kind == "estimate"
    assert "134.249" in c.provenance.method and "426.765" in c.provenance.method


def test_a_published_rate_wins_over_a_computed_one():
    rates = pd.DataFrame(
        [
            {
                "value": 36.0,
                "period_start": D(2023, 1, 1),
                "period_text": "2023",
                "source_short": "I&N",
                "quote": "36 %",
                "kind": "published",
            }
        ]
    )
    _, _, c = coverage_figures(
        workforce((D(2023, 12, 1), 127778, "x")), segments(("ALL", "active", D(2023, 12, 1), 46000)), rates
    )
    assert c.value == pytest.approx(0.36)
    assert c.provenance.kind == "published"


@pytest.mark.parametrize(
    ("wf", "seg"),
    [
        (workforce(), segments(("ALL", "active", D(2024, 1, 1), 10))),  # no workforce
        (workforce((D(2023, 1, 1), 100, "x")), segments()),  # no participants
        (workforce((D(2023, 1, 1), 100, "x")), segments(("ALL", "registered", D(2023, 1, 1), 10))),  # only registered
        (workforce((D(2023, 1, 1), 0, "x")), segments(("ALL", "active", D(2023, 1, 1), 10))),  # zero workforce
    ],
)
def test_no_rate_without_both_figures(wf, seg):
    _, _, c = coverage_figures(wf, seg, NO_RATES)
    assert c.value is None
    assert c.text() == "tidak ada data"


def test_closest_in_time_and_latest_when_undated():
    wf = workforce((D(2022, 8, 1), 1, "a"), (D(2023, 8, 1), 2, "b"))
    assert closest_in_time(wf, D(2023, 6, 1))["persons"] == 2
    assert closest_in_time(wf, D(2022, 1, 1))["persons"] == 1
    assert closest_in_time(wf, None)["persons"] == 2
    assert closest_in_time(workforce(), D(2022, 1, 1)) is None


def targets(*rows):
    return pd.DataFrame(
        [
            {
                "metric": "coverage_rate",
                "segment": "ALL",
                "year": y,
                "value": v,
                "is_regional": r,
                "kind": "published",
                "method": None,
                "source_short": s,
                "period_text": None,
                "quote": None,
            }
            for y, v, r, s in rows
        ],
        columns=[
            "metric",
            "segment",
            "year",
            "value",
            "is_regional",
            "kind",
            "method",
            "source_short",
            "period_text",
            "quote",
        ],
    )


def test_regional_target_wins_over_national_and_gap_is_computed():
    t = target_figure(targets((2025, 52.15, False, "Kemendagri"), (None, 60.0, True, "I&N")))
    assert t.key == "target" and t.value == pytest.approx(0.60)
    national = targets((2025, 52.15, False, "Kemendagri"), (2029, 43.92, False, "RPJMN"), (2045, 99.5, False, "RPJPN"))
    assert target_figure(national, 2024).key == "target_national"
    assert target_figure(national, 2024).value == pytest.approx(0.5215)
    assert target_figure(national, 2024).text() == "52,15 %"  # as published, not rounded to 52,2
    assert target_figure(national, 2026).value == pytest.approx(0.4392)
    assert target_figure(national, 2050).value == pytest.approx(0.995)  # past every target: the last one
    assert target_figure(national, None).value == pytest.approx(0.5215)
    wf = workforce((D(2023, 8, 1), 426765, "T"))
    w, _, c = coverage_figures(wf, segments(("ALL", "active", D(2024, 1, 1), 134249)), NO_RATES)
    points, persons = gap_figures(c, target_figure(targets((2025, 52.15, False, "K"))), w)
    assert points.text() == "20,7 poin"
    # 52.15 % of 426,765 = 222,557.9 → 222,558 workers protected at target, minus 134,249 active
    assert persons.value == 222558 - 134249
    assert persons.provenance.kind == "estimate"


def test_gap_is_never_negative():
    wf = workforce((D(2023, 1, 1), 100, "x"))
    _, _, c = coverage_figures(wf, segments(("ALL", "active", D(2023, 1, 1), 90)), NO_RATES)
    points, persons = gap_figures(
        c, target_figure(targets((2025, 50.0, True, "x"))), coverage_figures(wf, segments(), NO_RATES)[0]
    )
    assert points.value == 0 and persons.value == 0


def test_subsidised_sums_programmes_of_the_latest_date_only():
    programmes = pd.DataFrame(
        [
            {
                "status": "protected",
                "as_of": D(2022, 1, 1),
                "headcount": 1333,
                "kind": "published",
                "source_short": "W",
                "period_text": "2022",
                "quote": None,
            },
            {
                "status": "registered",
                "as_of": D(2023, 2, 9),
                "headcount": 3790,
                "kind": "published",
                "source_short": "W",
                "period_text": "9 Feb 2023",
                "quote": None,
            },
            {
                "status": "registered",
                "as_of": D(2023, 2, 9),
                "headcount": 9416,
                "kind": "published",
                "source_short": "W",
                "period_text": "9 Feb 2023",
                "quote": None,
            },
            {
                "status": "planned",
                "as_of": D(2024, 1, 1),
                "headcount": 9999,
                "kind": "published",
                "source_short": "W",
                "period_text": "2024",
                "quote": None,
            },
        ]
    )
    s = subsidised_figure(programmes)
    assert s.value == 13206
    assert s.provenance.kind == "published"


def test_headline_lists_every_segment_even_without_data():
    h = headline(
        workforce(),
        NO_RATES,
        segments(("BPU", "active", D(2024, 6, 1), 2784)),
        pd.DataFrame(columns=["status", "as_of", "headcount", "kind"]),
        targets(),
    )
    assert [f.key for f in h.segments] == ["segment.PU", "segment.BPU", "segment.JAKON", "segment.PMI"]
    assert [f.text() for f in h.segments] == ["tidak ada data", "2.784", "tidak ada data", "tidak ada data"]


def _bounded(frame: pd.DataFrame, bound: str | None) -> pd.DataFrame:
    return frame.assign(bound=bound)


RATE_36 = pd.DataFrame(
    [
        {
            "value": 36.0,
            "period_start": D(2023, 1, 1),
            "period_text": "-",
            "source_short": "I&N",
            "quote": "q",
            "kind": "published",
        }
    ]
)


def test_a_bound_stays_a_bound_through_the_headline():
    """Probolinggo: more than 46.000 participants, a workforce derived from it (more than 127.778), a
    published 36 % and a 60 % target: the gap in workers is 'more than', never a point."""
    wf = _bounded(workforce((D(2023, 12, 1), 127778, "x")), "lower")
    seg = _bounded(segments(("ALL", "active", D(2023, 12, 1), 46000)), "lower")
    w, a, c = coverage_figures(wf, seg, RATE_36)
    assert (w.text(), a.text(), c.text()) == ("> 127.778", "> 46.000", "36,0 %")
    target = target_figure(targets((None, 60.0, True, "I&N")))
    points, persons = gap_figures(c, target, w)
    assert points.bound is None and points.text() == "24,0 poin"
    assert persons.bound == "lower" and persons.text() == "> 30.667"
    assert "> 127.778" in persons.provenance.method


@pytest.mark.parametrize(
    ("active", "wf", "expected"),
    [
        ("lower", None, "> 10,0 %"),  # more than 10 of 100 workers: more than 10 %
        (None, "lower", "< 10,0 %"),  # 10 of more than 100 workers: at most 10 %
        ("upper", None, "< 10,0 %"),
        ("lower", "lower", "tidak ada data"),  # both 'more than': no rate can be said
    ],
)
def test_a_rate_computed_from_a_bound_is_bounded(active, wf, expected):
    _, _, c = coverage_figures(
        _bounded(workforce((D(2023, 1, 1), 100, "x")), wf),
        _bounded(segments(("ALL", "active", D(2023, 1, 1), 10)), active),
        NO_RATES,
    )
    assert c.text() == expected


def test_a_published_figure_s_hover_says_what_the_build_notes_of_it():
    """Padang's 2025 workforce is BPS 'angkatan kerja' after the text's 'tenaga kerja': the hover says so."""
    from ucj.provenance import Provenance

    note = "Konsep berganti: angkatan kerja BPS 2025"
    prov = Provenance("published", "BPS", D(2025, 1, 1), method=note, quote="q", stated_as="2025")
    assert prov.detail() == f"“q” (2025) — {note}"
    assert Provenance("published", "BPS", None).detail() is None
