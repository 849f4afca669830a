"""Workshops as a woman reads them: rhythms in words, cards grouped by workshop, dates."""
