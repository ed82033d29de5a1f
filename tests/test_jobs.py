"""Background jobs report progress, results and failures on the GUI thread, and can be cancelled."""

from __future__ import annotations

import threading

from app.errors import ValidationError
from ui.jobs import run_job


def _wait(qtbot, outcome: dict) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "done" in outcome, timeout=5000)


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome: dict = {"progress": []}
    gui = threading.get_ident()

    def work(context):  # type: ignore[no-untyped-def]
        outcome["worker"] = threading.get_ident()
        for i in range(3):
            context.progress(i + 1, 3, "step")
        return 42

    def ok(result):  # type: ignore[no-untyped-def]
        outcome.update(result=result, thread=threading.get_ident(), done=True)

    run_job(work, on_success=ok, on_failure=lambda m, c: outcome.update(done=True),
            on_progress=lambda d, t, m: outcome["progress"].append(d))  # fmt: skip
    _wait(qtbot, outcome)
    assert outcome["result"] == 42
    assert outcome["thread"] == gui and outcome["worker"] != gui
    assert outcome["progress"][-1] == 3


def test_failure_is_one_plain_sentence(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome: dict = {}

    def work(context):  # type: ignore[no-untyped-def]
        raise ValidationError.single("title", "Title is required.")

    run_job(work, on_success=lambda r: None,
            on_failure=lambda m, c: outcome.update(message=m, cancelled=c, done=True))  # fmt: skip
    _wait(qtbot, outcome)
    assert outcome == {"message": "Title is required.", "cancelled": False, "done": True}


def test_cancel_stops_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome: dict = {}
    started = threading.Event()

    def work(context):  # type: ignore[no-untyped-def]
        started.set()
        while True:
            context.progress(0, 1, "waiting")

    job = run_job(work, on_success=lambda r: None,
                  on_failure=lambda m, c: outcome.update(cancelled=c, done=True))  # fmt: skip
    assert started.wait(5)
    job.context.cancel()
    _wait(qtbot, outcome)
    assert outcome["cancelled"] is True


def test_a_running_query_can_be_stopped_from_another_thread(any_db) -> None:  # type: ignore[no-untyped-def]
    """What the period report's Cancel does: the statement stops at once, not when done."""
    import time

    import pytest
    import sqlalchemy as sa

    from db.engine import statement_interrupter

    endless = sa.text(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    with any_db.session_scope(readonly=True) as session:
        stop = statement_interrupter(session)
        timer = threading.Timer(0.5, stop)
        timer.start()
        started = time.monotonic()
        with pytest.raises(sa.exc.DBAPIError, match=r"(?i)interrupt|cancel"):
            session.execute(endless)
        assert time.monotonic() - started < 10
        timer.join()
