"""How often wrong passwords may be tried: per client and account together, per client, and overall.

What OWASP ASVS asks (V2.2.1): an attacker can neither guess one account's password nor spray one
password across many accounts, and cannot lock a real user out either. So:

- **client × account**: the first few failures are free (typos happen), then each failure doubles the
  wait, up to a cap. Only this pair waits: another client, e.g. the real admin's, is not held.
- **client**: at most CLIENT_BUDGET failures an hour from one client, whatever names it tries.
- **account** and **overall**: at most ACCOUNT_BUDGET failures an hour against one account, and
  GLOBAL_BUDGET in all, from clients that have not signed in to that account before. A client that
  signed in to the account within KNOWN_FOR is exempt, so an attack from elsewhere never locks the
  account's own user out (only a first sign-in from a new client waits while an attack runs).

A client is the keyed hash of its network address (its browser session when the address is unknown).
A success clears the pair's count; failures are forgotten after MEMORY, successes after KNOWN_FOR.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

FREE_FAILURES = 3
BASE_SECONDS = 2.0
CAP_SECONDS = 15 * 60.0
WINDOW = dt.timedelta(hours=1)
CLIENT_BUDGET = 20
ACCOUNT_BUDGET = 30
GLOBAL_BUDGET = 100
MEMORY = dt.timedelta(days=1)
KNOWN_FOR = dt.timedelta(days=30)


def wait_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failed attempts of one client on one account."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(CAP_SECONDS, BASE_SECONDS * 2 ** (failures - FREE_FAILURES))


def failures_since_success(attempts: pd.DataFrame) -> tuple[int, dt.datetime | None]:
    """Failed attempts (and the last one's time) since the last success, in `attempts` of one pair.

    `attempts` has username, session_key (the client), attempted_at and outcome ('ok', 'failed',
    'throttled'); throttled attempts were never checked, so they neither count nor reset.
    """
    mine = attempts.sort_values("attempted_at")
    successes = mine[mine["outcome"] == "ok"]
    if not successes.empty:
        mine = mine[mine["attempted_at"] > successes["attempted_at"].max()]
    failed = mine[mine["outcome"] == "failed"]
    if failed.empty:
        return 0, None
    return len(failed), pd.Timestamp(failed["attempted_at"].max()).to_pydatetime()


def budget_wait(failed_at: pd.Series, budget: int, now: dt.datetime) -> float:
    """Seconds until fewer than `budget` of these failure times fall in the last WINDOW (0: not spent)."""
    recent = sorted(pd.Timestamp(t).to_pydatetime() for t in failed_at if now - pd.Timestamp(t) < WINDOW)
    if len(recent) < budget:
        return 0.0
    frees_one = recent[len(recent) - budget] + WINDOW
    return max((frees_one - now).total_seconds(), 0.0)


def is_known(attempts: pd.DataFrame, username: str, client: str, now: dt.datetime) -> bool:
    """Whether `client` signed in to `username` within KNOWN_FOR."""
    ok = attempts[
        (attempts["outcome"] == "ok") & (attempts["username"] == username) & (attempts["session_key"] == client)
    ]
    return bool((now - pd.to_datetime(ok["attempted_at"]) < KNOWN_FOR).any())


def seconds_to_wait(attempts: pd.DataFrame, username: str, client: str, now: dt.datetime) -> float:
    """How long `client` must wait before it may try a password for `username` (0: now)."""
    pair = attempts[(attempts["username"] == username) & (attempts["session_key"] == client)]
    failures, last = failures_since_success(pair)
    waits = [0.0 if last is None else wait_after(failures) - (now - last).total_seconds()]
    failed = attempts[attempts["outcome"] == "failed"]
    waits.append(budget_wait(failed.loc[failed["session_key"] == client, "attempted_at"], CLIENT_BUDGET, now))
    if not is_known(attempts, username, client, now):
        waits.append(budget_wait(failed.loc[failed["username"] == username, "attempted_at"], ACCOUNT_BUDGET, now))
        waits.append(budget_wait(failed["attempted_at"], GLOBAL_BUDGET, now))
    return max(max(waits), 0.0)
