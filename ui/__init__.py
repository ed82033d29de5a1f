"""The PySide6 desktop interface; talks to app/ services, never writes SQL itself."""
