"""Persistence: models, engines and sessions, migrations and backups. Imports nothing from app/ or ui/."""
