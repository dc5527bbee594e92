"""Reports as spreadsheet files: XLSX (openpyxl) and CSV (UTF-8 with BOM). Headless: no Qt, no database.

The report dataclasses of ``counter_app.services.reports`` become ``tables.Table``s (``period_tables``,
``day_tables``, ``list_tables``), which ``xlsx`` writes as one sheet each and ``csvfile`` writes one of
(the report's main table). The PDF renderers of ``counter_app.documents.reports`` draw the same tables.

Which table a CSV file holds (one table per file):

* period report: the Biểu 06 table with its total row;
* end of day: every count of the day, one per line ("Nhóm", "Chỉ tiêu", "Số lượng": receipts by channel
  and field, slips, acts, due and overdue counts, satisfaction); the lists are in the XLSX and PDF;
* overdue list: the overdue dossiers (the due-soon list is a second sheet of the XLSX);
* satisfaction: the table by procedure, whose total row is the distribution over the levels;
* register (sổ theo dõi hồ sơ, mẫu 07): the book's entries, one line each (the XLSX has the same sheet).
"""
