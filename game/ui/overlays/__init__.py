"""What opens over any screen: the menu, the glossary and short notices."""
