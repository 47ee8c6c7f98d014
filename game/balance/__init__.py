"""Balance: many games played through the rules without a screen, and their summary."""
