"""Benchmarks. Each ``bench_*.py`` module has ``run(quick: bool) -> list[Measurement]``; the runner
(``uv run python -m tests.perf``) runs them all, prints one table and exits non-zero when a target
is missed. Every scenario is compared with a raw floor measured in the same run."""
