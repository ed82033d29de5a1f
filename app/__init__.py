"""Use cases of Convene, free of Qt widgets: services, import, export, reports, CLI."""
