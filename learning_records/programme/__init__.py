"""The Practice Leader Development Programme: cohorts, enrolments, logged days, mentor logs,
service development projects and the manager's agreement."""
