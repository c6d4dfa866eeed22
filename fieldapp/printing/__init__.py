"""Printouts: official documents in the Decree 30/2020/NĐ-CP format, as PDF.

- :mod:`~fieldapp.printing.fonts`: Liberation Serif, registered once and embedded.
- :mod:`~fieldapp.printing.blocks`: body building blocks (paragraph, heading, item, table).
- :mod:`~fieldapp.printing.official`: the document model, page templates and ``render_pdf``.
- :mod:`~fieldapp.printing.sample`: a realistic sample report, for tests and demos.
"""
