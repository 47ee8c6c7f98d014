"""Single play: the card, outcome and end screens."""
