"""Phones as voting clickers: a small web server the room votes through during a workshop."""
