"""Moved: each domain's demo loader is learning_records/<domain>/demo.py."""
