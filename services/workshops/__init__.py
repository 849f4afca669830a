"""Workshops of the associations: pages, recurring sessions, listing, calendars and API."""
