"""Keeping translations up: the translation-status report and what an untranslated page shows."""
