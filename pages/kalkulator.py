"""kalkulator — built by a later issue; until then it says so plainly."""

from ui.layout import not_built

not_built("nav.kalkulator")
