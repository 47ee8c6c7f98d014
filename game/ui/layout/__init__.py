"""Where things go on screen: geometry over the theme's metrics, and the text-fit check."""
