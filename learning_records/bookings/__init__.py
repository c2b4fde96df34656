"""Bookings: places on a course cohort or an event, the waiting list and offers of a freed place.

rules.py holds the decisions as pure functions, models.py the Booking, selectors.py the reads
(an offer's places, who is taken, a waiting-list position) and services.py every write, under
a row lock on the cohort or event so two people can never take the same last place.
"""
