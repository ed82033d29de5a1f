"""Importing attendee lists into events (issue 4).

``reading`` opens the file (python-calamine, or csv with encoding and separator detection);
``mapping`` finds the header row and what each column holds (``resources/column_synonyms.json``,
through ``vocabulary``); ``understanding`` reads every row into a person and a participation with
its problems (cell rules in ``values``); ``candidates`` and ``planning`` match the people against
the database and make the plan; ``committing`` (with ``enriching``, through ``bulk``) writes it in
one transaction; ``error_workbook`` writes the rows to fix; ``importer`` ties it together for
``cli`` (the ``import`` command) and the wizard in ``ui/import_wizard.py``.
"""
