"""Languages: picking a text in the reader's language, and the interface's word catalogs."""
