"""Reading and checking decks: safe YAML, located diagnostics, schema and reference checks, quality warnings, assets, the loader and a new deck's scaffold."""
