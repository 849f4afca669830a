"""Help points: their pages, opening hours, the finder, the open-data API and the importer."""
