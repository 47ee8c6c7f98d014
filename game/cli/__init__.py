"""The command line: the commands, and the only layer that starts the screen."""

from game.cli.commands import main, run_and_exit

__all__ = ["main", "run_and_exit"]
