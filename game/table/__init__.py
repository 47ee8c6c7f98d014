"""A game at the table: the journal on disk and the matches that move the rules and the journal together."""
