"""Reading rounds: which round came before, what changed, which indicators are weakest.

`rounds` frames have one row per round (round_id, framework_id, stakeholder_id, round_date,
recorded_at); `scores` frames have one row per indicator score (round_id, indicator_id, score).
"""

from __future__ import annotations

import pandas as pd

ROUND_ORDER = ["round_date", "recorded_at", "round_id"]
# Direction of change against the previous round; 'new' when there is no previous score.
DIRECTIONS: tuple[str, ...] = ("down", "same", "up", "new")


def _same_scope(rounds: pd.DataFrame, row: pd.Series) -> pd.Series:
    """Rounds of the same framework that score the same thing (the region, or the same stakeholder)."""
    same_framework = rounds["framework_id"] == row["framework_id"]
    if pd.isna(row["stakeholder_id"]):
        return same_framework & rounds["stakeholder_id"].isna()
    return same_framework & (rounds["stakeholder_id"] == row["stakeholder_id"])


def ordered(rounds: pd.DataFrame) -> pd.DataFrame:
    """Rounds oldest first; rounds of one day keep the order they were recorded in."""
    return rounds.sort_values(ROUND_ORDER, kind="stable").reset_index(drop=True)


def previous_round(rounds: pd.DataFrame, round_id: str) -> str | None:
    """The round just before `round_id` with the same framework and scope, or None."""
    history = ordered(rounds)
    position = history.index[history["round_id"] == round_id]
    if position.empty:
        raise KeyError(round_id)
    row = history.loc[position[0]]
    earlier = history.loc[: position[0] - 1]
    earlier = earlier[_same_scope(earlier, row)]
    return None if earlier.empty else str(earlier.iloc[-1]["round_id"])


def latest_round(rounds: pd.DataFrame) -> str | None:
    """The most recent round of `rounds`, or None when there is none."""
    return None if rounds.empty else str(ordered(rounds).iloc[-1]["round_id"])


def direction(change: float) -> str:
    """A score's change as a word: "up", "down", "same", or "new" where the previous round did not score it."""
    return "new" if pd.isna(change) else "up" if change > 0 else "down" if change < 0 else "same"


def change_since(scores: pd.DataFrame, round_id: str, previous_id: str | None) -> pd.DataFrame:
    """Per indicator of `round_id`: score, previous score, change and its direction."""
    current = scores.loc[scores["round_id"] == round_id, ["indicator_id", "score"]]
    before = scores.loc[scores["round_id"] == previous_id, ["indicator_id", "score"]]
    merged = current.merge(before.rename(columns={"score": "previous_score"}), on="indicator_id", how="left")
    merged["change"] = merged["score"] - merged["previous_score"]
    merged["direction"] = merged["change"].map(direction)
    return merged.reset_index(drop=True)


def weakest_first(change: pd.DataFrame, positions: pd.Series) -> pd.DataFrame:
    """Lowest scores first; among equals, the ones that fell most, then the framework's own order."""
    ranked = change.assign(
        _fall=change["change"].fillna(0),
        _position=change["indicator_id"].map(positions),
    )
    return ranked.sort_values(["score", "_fall", "_position"], kind="stable").drop(columns=["_fall", "_position"])


def mean_score(change: pd.DataFrame) -> float | None:
    """The round's average score, None for an empty round."""
    return None if change.empty else float(change["score"].mean())
