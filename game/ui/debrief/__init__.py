"""The debrief at the table: its pages, charts and tables, and exporting the reports."""
