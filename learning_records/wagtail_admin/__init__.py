"""Wagtail admin views for learning records, one module per family; registered in wagtail_hooks.py."""
