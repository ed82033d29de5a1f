"""Characters no record keeps, wherever its text comes from (a form, the command line, an
imported list): control characters (NUL…ESC, DEL, the C1 range) and the bidirectional controls
that make a text display otherwise than it reads (U+202E turns "exe.doc" into "cod.exe"; a
title with one can pass itself off as another in a list)."""

from __future__ import annotations

# Arabic letter mark, left-to-right and right-to-left marks, embeddings and overrides (LRE, RLE,
# PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). Zero-width joiners stay: scripts need them.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
C1_CONTROLS = "\x80-\x9f"
