"""Start the dilemma game: ``python main.py`` (see ``python main.py --help``)."""

import sys

from game.cli.commands import main

if __name__ == "__main__":
    sys.exit(main())
