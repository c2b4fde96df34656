"""Moved: each domain's data export part is learning_records/<domain>/member_data.py."""
