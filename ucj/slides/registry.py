"""Which slides exist, in which order a deck shows them, and how a deck is built.

The chosen slides travel in the URL as `slides=headline,map,…`; anything unknown in it is dropped
rather than guessed, and an empty choice falls back to the whole deck.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ucj.slides.actions import actions_slide
from ucj.slides.budget import budget_slide
from ucj.slides.coverage_map import coverage_map_slide
from ucj.slides.headline import headline_slide
from ucj.slides.model import Deck, DeckContext, Query, Slide
from ucj.slides.scorecard import scorecard_slide
from ucj.slides.trend import trend_slide

Builder = Callable[[Query, DeckContext], Slide]
SLIDES: dict[str, Builder] = {
    "headline": headline_slide,
    "map": coverage_map_slide,
    "trend": trend_slide,
    "budget": budget_slide,
    "scorecard": scorecard_slide,
    "actions": actions_slide,
}
SEPARATOR = ","


def parse_selection(text: str | None) -> list[str]:
    """Slide keys from the URL, in their order: unknown and repeated keys dropped, none → all."""
    keys = [k.strip() for k in (text or "").split(SEPARATOR)]
    chosen = list(dict.fromkeys(k for k in keys if k in SLIDES))
    return chosen or list(SLIDES)


def selection_text(keys: Iterable[str]) -> str:
    return SEPARATOR.join(keys)


def slide_number(text: str | None, count: int) -> int:
    """The 1-based slide number from the URL, kept within 1…count (1 when unreadable)."""
    try:
        number = int(text or 1)
    except ValueError:
        return 1
    return min(max(number, 1), max(count, 1))


def build_deck(keys: Iterable[str], query: Query, ctx: DeckContext) -> Deck:
    """The slides `keys` for one region, each built once and shared by screen and exports."""
    return Deck(ctx, tuple(SLIDES[k](query, ctx) for k in keys))
