"""Reading rounds (previous round, change, weakest first), radar geometry, the stakeholder map,
the dependency network and the action tracker: tables of inputs → expected."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from ucj.collab import network, radar, scoring
from ucj.collab.actions import is_overdue, tracker
from ucj.collab.stakeholders import mask_contact, quadrant, spread_overlaps

ROUNDS = pd.DataFrame(
    [
        ("r1", "cgr", None, "2025-09-30", "2025-10-01 08:00"),
        ("p1", "paritrana", None, "2025-09-30", "2025-10-01 08:00"),
        ("r2", "cgr", None, "2026-03-01", "2026-03-01 10:00"),
        ("s1", "cgr", "padang_dinsos", "2026-03-01", "2026-03-01 11:00"),
        ("r3", "cgr", None, "2026-03-01", "2026-03-01 12:00"),
        ("s2", "cgr", "padang_dinsos", "2026-06-01", "2026-06-01 09:00"),
    ],
    columns=["round_id", "framework_id", "stakeholder_id", "round_date", "recorded_at"],
).astype({"round_date": "datetime64[us]", "recorded_at": "datetime64[us]"})


@pytest.mark.parametrize(
    ("round_id", "expected"),
    [
        ("r1", None),  # the first round of its framework
        ("p1", None),  # another framework's round on the same day is no predecessor
        ("r2", "r1"),
        ("r3", "r2"),  # same day: the one recorded earlier came first
        ("s1", None),  # a stakeholder's round compares only with that stakeholder's rounds
        ("s2", "s1"),
    ],
)
def test_previous_round_has_the_same_framework_and_scope(round_id, expected):
    assert scoring.previous_round(ROUNDS, round_id) == expected


def test_an_unknown_round_is_an_error():
    with pytest.raises(KeyError):
        scoring.previous_round(ROUNDS, "nope")


@pytest.mark.parametrize(("rounds", "expected"), [(ROUNDS, "s2"), (ROUNDS.iloc[:3], "r2"), (ROUNDS.iloc[:0], None)])
def test_latest_round(rounds, expected):
    assert scoring.latest_round(rounds) == expected


SCORES = pd.DataFrame(
    [
        ("r1", "a", 2), ("r1", "b", 3), ("r1", "c", 4),
        ("r2", "a", 3), ("r2", "b", 1), ("r2", "c", 4), ("r2", "d", 2),
    ],
    columns=["round_id", "indicator_id", "score"],
)  # fmt: skip


def test_change_since_previous_round():
    change = scoring.change_since(SCORES, "r2", "r1").set_index("indicator_id")
    assert change["previous_score"].isna().tolist() == [False, False, False, True]
    assert change["change"].fillna(99).tolist() == [1, -2, 0, 99]
    assert change["direction"].tolist() == ["up", "down", "same", "new"]


def test_a_first_round_is_all_new():
    change = scoring.change_since(SCORES, "r1", None)
    assert change["direction"].tolist() == ["new"] * 3
    assert scoring.mean_score(change) == pytest.approx(3.0)


def test_weakest_first_breaks_ties_by_the_biggest_fall_then_the_frameworks_order():
    change = scoring.change_since(SCORES, "r2", "r1")
    ranked = scoring.weakest_first(change, pd.Series({"a": 1, "b": 2, "c": 3, "d": 4}))
    assert ranked["indicator_id"].tolist() == ["b", "d", "a", "c"]
    tie = pd.DataFrame({"indicator_id": ["x", "y", "z"], "score": [2, 2, 2], "change": [0.0, -1.0, None]})
    assert scoring.weakest_first(tie, pd.Series({"x": 1, "y": 2, "z": 0}))["indicator_id"].tolist() == ["y", "z", "x"]


def test_mean_of_an_empty_round_is_missing_not_zero():
    assert scoring.mean_score(SCORES.iloc[:0].assign(change=[])) is None


@pytest.mark.parametrize(
    ("index", "count", "radius", "expected"),
    [
        (0, 4, 5, (0.0, 5.0)),
        (1, 4, 5, (5.0, 0.0)),
        (2, 4, 2, (0.0, -2.0)),
        (3, 4, 1, (-1.0, 0.0)),
        (0, 11, 3, (0.0, 3.0)),
    ],
)
def test_radar_spokes_start_at_the_top_and_run_clockwise(index, count, radius, expected):
    x, y = radar.point(radius, radar.spoke_angle(index, count))
    assert (x, y) == pytest.approx(expected, abs=1e-9)


def test_radar_outlines_close_and_keep_the_scores():
    frame = radar.polygons(["a", "b", "c"], {"now": [1, 4, 5], "before": [2, 2, 2]})
    now = frame[frame["series"] == "now"]
    assert now["label"].tolist() == ["a", "b", "c", "a"]
    assert now.iloc[0][["x", "y"]].tolist() == now.iloc[-1][["x", "y"]].tolist()
    assert [math.hypot(x, y) for x, y in zip(now["x"], now["y"])] == pytest.approx([1, 4, 5, 1])


def test_radar_grid_has_a_ring_per_level():
    rings = radar.grid(5)
    assert sorted(rings["level"].unique()) == [1, 2, 3, 4, 5]
    assert len(rings) == 5 * 6


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        (5, 5, "manage_closely"), (4, 4, "manage_closely"), (4, 3, "keep_satisfied"), (5, 1, "keep_satisfied"),
        (3, 4, "keep_informed"), (1, 5, "keep_informed"), (3, 3, "monitor"), (1, 1, "monitor"),
    ],
)  # fmt: skip
def test_stakeholder_quadrants(influence, interest, expected):
    assert quadrant(influence, interest) == expected


def test_points_in_one_cell_are_spread_and_lone_points_stay():
    frame = pd.DataFrame({"influence": [2, 2, 2, 5], "interest": [4, 4, 4, 5]})
    spread = spread_overlaps(frame, "influence", "interest")
    assert spread.loc[3, ["plot_x", "plot_y"]].tolist() == [5.0, 5.0]
    shared = list(zip(spread.loc[:2, "plot_x"].round(6), spread.loc[:2, "plot_y"].round(6)))
    assert len(set(shared)) == 3
    assert all(math.hypot(x - 2, y - 4) == pytest.approx(0.18, abs=1e-5) for x, y in shared)


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("budi.santoso@disnaker.padang.go.id", "b•••@disnaker.padang.go.id"),
        ("  ani@x.id ", "a•••@x.id"),
        ("0812-3456-7890", "•••890"),
        ("+62 751 123456", "•••456"),
        ("Kasi Perlindungan", "K•••"),
        ("", None),
        ("   ", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_contacts_are_masked(contact, expected):
    assert mask_contact(contact) == expected


def test_network_layout_and_arrows_point_at_the_provider():
    layout = network.circle_layout(["a", "b", "c", "d"])
    assert layout["a"] == pytest.approx((0.0, 1.0))
    assert layout["b"] == pytest.approx((1.0, 0.0))
    needs = pd.DataFrame({"needer_id": ["a", "c"], "provider_id": ["b", "a"]})
    edges = network.edge_frame(needs, layout)
    first, second = edges.iloc[0], edges.iloc[1]
    assert first["angle"] == pytest.approx(135.0)  # from the top node down-right to the right node
    assert second["angle"] == pytest.approx(0.0)  # from the bottom node straight up
    assert (first["arrow_x"], first["arrow_y"]) == pytest.approx((0.82, 1 - 0.82))
    nodes = network.node_frame(["a", "b", "c", "d"], needs, layout).set_index("stakeholder_id")
    assert nodes["needs"].tolist() == [1, 0, 1, 0]
    assert nodes["needed_by"].tolist() == [1, 1, 0, 0]


TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        (dt.date(2026, 11, 22), "open", True),
        (dt.date(2026, 11, 22), "in_progress", True),
        (dt.date(2026, 11, 23), "open", False),  # due today is not yet late
        (dt.date(2026, 11, 22), "done", False),
        (dt.date(2026, 1, 1), "dropped", False),
        (None, "open", False),
        (pd.NaT, "open", False),
        (pd.Timestamp("2026-10-01"), "open", True),
    ],
)
def test_overdue(due, status, expected):
    assert is_overdue(due, status, TODAY) is expected


def test_tracker_puts_overdue_first_then_open_by_due_date_then_closed():
    actions = pd.DataFrame(
        {
            "action_id": ["a", "b", "c", "d", "e", "f"],
            "due_date": pd.to_datetime(["2026-12-01", None, "2026-11-01", "2026-10-01", "2026-11-30", "2026-01-01"]),
            "status": ["open", "open", "in_progress", "done", "open", "open"],
        }
    )
    ordered = tracker(actions, TODAY)
    assert ordered["action_id"].tolist() == ["f", "c", "e", "a", "b", "d"]
    assert ordered["overdue"].tolist() == [True, True, False, False, False, False]
