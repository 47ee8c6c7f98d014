"""The command line: the commands, and the only layer that starts the screen."""

from game.cli.commands import main

__all__ = ["main"]
