"""Where a game starts: the title screen and the deck errors it shows."""
