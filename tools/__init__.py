"""Developer tools: fixture and screenshot generators run by hand, not by the app or CI."""
