"""Digitaal leiderschap: a board-style dilemma game for Dutch municipalities."""

#: The name the operating system's folders for the game carry (data, cache).
APP_NAME = "dilemmaspel"
