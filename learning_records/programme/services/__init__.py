"""Writes for the Practice Leader Development Programme, one module per family: enrolments,
days, the mentor log, the service project (`services.project`) and CPD drafts from mentoring
(`services.cpd_drafts`).

Every function is keyword-only, runs in `transaction.atomic`, checks the rules in
`learning_records/programme/rules.py` and raises `ValidationError` with a message a member can
read. Limits come from the cohort's programme page, never from code.
"""

from .days import change_day, confirm_day, delete_day, log_day, query_day
from .enrolments import end_enrolment, enrol, move_to_in_role, phase_window_of, return_to_preparatory
from .mentor_log import (
    MENTOR_LOG_FIELDS,
    add_mentor_log_entry,
    change_mentor_log_entry,
    delete_mentor_log_entry,
    mentoring_cpd_draft_values,
)

__all__ = [
    "MENTOR_LOG_FIELDS",
    "add_mentor_log_entry",
    "change_day",
    "change_mentor_log_entry",
    "confirm_day",
    "delete_day",
    "delete_mentor_log_entry",
    "end_enrolment",
    "enrol",
    "log_day",
    "mentoring_cpd_draft_values",
    "move_to_in_role",
    "phase_window_of",
    "query_day",
    "return_to_preparatory",
]
