"""The debrief as files: the report's content, its SVG charts, report.html/json/csv and session.json;
and the charts' geometry, which the table's debrief draws too."""
