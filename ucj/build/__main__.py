"""`python -m ucj.build [path] [--force]`: (re)build the demo database and print what it holds.

A database people have worked in (imports, accounts, assessment rounds) is not replaced unless
--force says so: the build starts from the seeds and would drop that work. A database a running
app has open is never replaced, --force or not: the app would go on with a file that is gone.
"""

import argparse
import sys
from pathlib import Path

from ucj.build import build
from ucj.db import Database, in_use_by_another_process
from ucj.paths import DEMO_DB

parser = argparse.ArgumentParser(prog="python -m ucj.build", description=__doc__.splitlines()[0])
parser.add_argument("path", nargs="?", type=Path, default=DEMO_DB)
parser.add_argument("--force", action="store_true", help="replace the database even if people changed it")
args = parser.parse_args()
if args.path.exists() and (held := in_use_by_another_process(args.path)):
    print(
        f"{args.path} sedang dipakai (aplikasi berjalan?); hentikan aplikasinya dulu.\n"
        f"{args.path} is in use (is the app running?); stop it first.\n{held}",
        file=sys.stderr,
    )
    sys.exit(3)
if args.path.exists() and not args.force:
    existing = Database(args.path)
    changes = int(existing.query("local_changes")["changes"].iloc[0])
    existing.close()
    if changes:
        print(
            f"{args.path} memuat {changes} perubahan pengguna (impor, akun, penilaian); membangun ulang akan "
            f"menghapusnya. Cadangkan berkasnya, lalu ulangi dengan --force.\n"
            f"{args.path} holds {changes} changes made by people; back it up, then repeat with --force.",
            file=sys.stderr,
        )
        sys.exit(2)
report = build(args.path)
print(f"{report.path}: built in {report.seconds:.2f} s")
for table, count in sorted(report.rows.items()):
    print(f"  {table:24} {count:>7}")
