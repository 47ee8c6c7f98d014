"""How the table looks: theme, cached text, widgets, portraits, meters and charts."""
