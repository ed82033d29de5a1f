"""The command line's JSON: a document whose problems come one by one (``print_json`` writes
them as they come) reads exactly as ``json.dump(…, indent=2)`` writes the whole document."""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.common import print_json

_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=12)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    before=st.dictionaries(st.text(max_size=8), _VALUES, max_size=4),
    items=st.lists(st.dictionaries(st.text(max_size=8), _VALUES, max_size=4), max_size=4),
    after=st.dictionaries(st.text(max_size=8), _VALUES, max_size=3),
)
def test_problems_written_one_by_one_read_as_the_whole_document(
    before: dict[str, Any],
    items: list[Any],
    after: dict[str, Any],
) -> None:
    whole = {**before, "problems": items, **{k: v for k, v in after.items() if k not in before}}
    if "problems" in after:
        whole["problems"] = items
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_json({k: iter(v) if k == "problems" else v for k, v in whole.items()})
    written = out.getvalue()
    assert written == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(written) == whole
