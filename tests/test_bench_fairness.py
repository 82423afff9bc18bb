"""`python -m bench.fairness` runs end to end (a small flood, no slow baseline)."""

from __future__ import annotations

from bench import fairness


def test_the_fairness_benchmark_runs(db_url, capsys) -> None:
    result = fairness.run(
        flood=60, chat_flood=0, db_url=db_url if "postgresql" in db_url else None, baseline=False
    )
    assert set(result) >= {"idle", "flood"}
    assert result["flood"]["updates"] == 61
    # The flooder's command budget and one notice; the other user answered.
    assert 13 <= result["flood"]["flood_messages"] <= 14
    assert result["flood"]["help_wait_s"] < 10
