"""Measured retention: cohorts, worklists, double registration and Perisai books from participant extracts."""
