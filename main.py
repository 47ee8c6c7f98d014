"""Start the dilemma game: ``python main.py`` (see ``python main.py --help``)."""

from game.cli.commands import run_and_exit

if __name__ == "__main__":
    run_and_exit()
