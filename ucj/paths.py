"""Project paths, resolved from this file so the working directory never matters."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = DATA / "seed"
REFERENCE = DATA / "reference"
GEO = ROOT / "geo"
QUERIES = ROOT / "queries"
SCHEMA = QUERIES / "schema"
LOCALE = Path(__file__).resolve().parent / "locale"
DEMO_DB = DATA / "ucj_demo.duckdb"
