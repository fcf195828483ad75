"""Participant extracts (issue 13)."""
