"""Digitaal leiderschap: a board-style dilemma game for Dutch municipalities."""
