"""Excel exports of events, people, organisations and participants (``export`` in the CLI, the
export actions in the GUI). ``workbook`` writes sheets; ``tables`` knows what goes in them."""
