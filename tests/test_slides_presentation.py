"""Presentation mode's static files: the template placeholders take only escaped text."""

from __future__ import annotations

from ui.slides import presentation


def test_the_fullscreen_label_is_escaped_into_both_attributes():
    markup = presentation.fullscreen_html('Layar "penuh" <img src=x onerror=alert(1)> & co')
    escaped = "Layar &quot;penuh&quot; &lt;img src=x onerror=alert(1)&gt; &amp; co"
    assert f'title="{escaped}" aria-label="{escaped}"' in markup
    assert "<img" not in markup


def test_the_fullscreen_element_carries_its_script_and_style():
    markup = presentation.fullscreen_html("Layar penuh")
    assert f"<script>\n{presentation.asset('fullscreen.js')}</script>" in markup
    assert f"<style>\n{presentation.asset('fullscreen.css')}</style>" in markup
    assert "$" not in markup  # every placeholder filled
