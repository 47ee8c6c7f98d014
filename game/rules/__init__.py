"""The rules: a single game's session and a workshop of teams. Free of pygame and of the disk."""
