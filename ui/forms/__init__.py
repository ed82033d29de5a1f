"""The record forms: events, people, organisations, projects."""
