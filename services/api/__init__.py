"""Open-data API of the help points (outside the language prefixes)."""
