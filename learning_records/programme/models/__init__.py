"""Programme models: cohorts and enrolments, logged days and mentor logs, service projects."""

from .enrolments import Cohort, Enrolment, PairScopedQuerySet
from .logs import MentorLogEntry, ProgrammeDay
from .service_project import (
    ServiceProject,
    ServiceProjectAgreement,
    ServiceProjectMilestone,
    ServiceProjectVersion,
    new_nonce,
)

__all__ = [
    "Cohort",
    "Enrolment",
    "MentorLogEntry",
    "PairScopedQuerySet",
    "ProgrammeDay",
    "ServiceProject",
    "ServiceProjectAgreement",
    "ServiceProjectMilestone",
    "ServiceProjectVersion",
    "new_nonce",
]
