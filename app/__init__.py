"""Use cases of Convene, free of Qt widgets: services, import, export, reports, CLI."""

__version__ = "0.1.0"  # as pyproject.toml says (tests/test_gui_forms_desk.py checks they agree)
