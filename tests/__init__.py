"""Tests for Dasbor UCJ; a package so the browser harness imports as tests.browser_support."""
