"""Rewrite resources/startup/events_first_page.json from app/lists.py (after changing the events
list or the schema):  uv run python -m tools.first_page_sql"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from app.first_page import RECIPE_FILE, write_recipe

    write_recipe()
    print(RECIPE_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
