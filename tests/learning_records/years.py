"""A registration year for tests whose early days are already past, whatever today is.

Tests that record CPD "in this year" break for the first weeks of every registration year
(1 December onwards): a record dated a few weeks into the year is then in the future and does
not count. The year of 60 days ago is the current year for ten months and last year for two,
and the first 40 days of it are always past.
"""

import datetime

from django.utils import timezone

from learning_records.cpd import rules

SETTLED_DAYS = 60


def settled_year() -> int:
    return rules.registration_year_of(timezone.localdate() - datetime.timedelta(days=SETTLED_DAYS))
