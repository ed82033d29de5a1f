"""Reports managers print and staff hand out: event summaries, period reports and sign-in sheets.

``figures`` and ``period_figures`` compute the numbers in SQL; ``narrative`` writes the opening
sentences; ``charts`` draws; ``event_summary``, ``period_report`` and ``signin_sheet`` build the
documents; ``render`` is the one path from a document to paper or PDF (QtGui only, headless).
"""
