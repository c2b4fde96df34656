"""URL modules, one per area, each included from config/urls.py with its own namespace."""
