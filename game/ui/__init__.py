"""The Pygame table: scenes, theme and layout. Only this package imports pygame."""

import os

# Keep pygame's greeting off the players' terminal.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
