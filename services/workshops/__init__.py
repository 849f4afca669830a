"""Workshops of the associations: pages, recurring sessions, rhythms in words, cards
grouped by workshop, listing, calendars and API."""
