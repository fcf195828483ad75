"""`python -m ucj.build [path]`: (re)build the demo database and print what it holds."""

import sys
from pathlib import Path

from ucj.build import build
from ucj.paths import DEMO_DB

report = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEMO_DB)
print(f"{report.path}: built in {report.seconds:.2f} s")
for table, count in sorted(report.rows.items()):
    print(f"  {table:24} {count:>7}")
