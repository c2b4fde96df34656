from .programme import *  # noqa: F403  (Cohort, Enrolment, ProgrammeDay, MentorLogEntry, ServiceProject…)
