"""Wagtail admin for programme staff: cohorts, enrolments and the cohort overview."""
