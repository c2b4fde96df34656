"""Programme records for "download all my data" (see members.member_data): programme.json.

As an aspirant: each enrolment with its days, the mentor log (the aspirant may read every entry
of their own pair), and every version of the service project with its milestones and the three
agreements. As a mentor: the mentor log entries they wrote. Another member's CPD records are never
part of it; the aspirant's days appear only in the aspirant's own download.
"""

from django.db.models import Prefetch

from learning_records.programme.models import Enrolment, MentorLogEntry, ServiceProjectVersion
from members.member_data import write_json


def _day(day) -> dict:
    return {
        "phase": day.get_phase_display(),
        "activity": day.get_activity_type_display(),
        "date": day.date,
        "days": day.days,
        "place": day.place,
        "what_happened": day.what_happened,
        "what_i_learnt": day.what_i_learnt,
        "mentor_joined_on_day": day.mentor_joined_on_day,
        "status": day.get_status_display(),
        "mentor_query": day.query_comment,
        "reviewed_at": day.reviewed_at,
    }


def _entry(entry) -> dict:
    return {
        "phase": entry.get_phase_display(),
        "date": entry.date,
        "duration_minutes": entry.duration_minutes,
        "mode": entry.get_mode_display(),
        "focus": entry.focus,
        "notes": entry.notes,
        "agreed_actions": entry.agreed_actions,
        "who_may_read_it": entry.get_visibility_display(),
    }


def _version(version) -> dict:
    return {
        "number": version.number,
        "status": version.get_status_display(),
        "title": version.title,
        "aim": version.aim,
        "need": version.need,
        "planned_outcomes": version.planned_outcomes,
        "created_at": version.created_at,
        "milestones": [
            {"title": m.title, "due_on": m.due_on, "status": m.get_status_display()}
            for m in version.milestones.all()
        ],
        "agreements": [
            {
                "party": a.get_party_display(),
                "name": a.name,
                "decision": a.get_decision_display(),
                "comment": a.comment,
                "decided_at": a.decided_at,
            }
            for a in version.agreements.all()
        ],
    }


def _enrolment(enrolment) -> dict:
    project = getattr(enrolment, "service_project", None)
    return {
        "programme": enrolment.cohort.programme.title,
        "cohort": enrolment.cohort.name,
        "phase": enrolment.get_phase_display(),
        "status": enrolment.get_status_display(),
        "enrolled_on": enrolment.enrolled_on,
        "in_role_started_on": enrolment.in_role_started_on,
        "ended_on": enrolment.ended_on,
        "your_authority": str(enrolment.aspirant_organisation),
        "mentor": enrolment.mentor_label(),
        "mentor_authority": str(enrolment.mentor_organisation),
        "manager_name": enrolment.manager_name,
        "manager_email": enrolment.manager_email,
        "days": [_day(day) for day in enrolment.days.all()],
        "mentor_log": [_entry(entry) for entry in enrolment.mentor_log.all()],
        "service_project": [_version(v) for v in project.versions.all()] if project else [],
    }


def aspirant_enrolments(member):
    """The member's enrolments with everything the download needs, in a fixed number of queries."""
    return (
        Enrolment.objects.for_aspirant(member)
        .with_people()
        .select_related("service_project")
        .prefetch_related(
            "days",
            "mentor_log",
            Prefetch(
                "service_project__versions",
                queryset=ServiceProjectVersion.objects.order_by("number").prefetch_related(
                    "milestones", "agreements"
                ),
            ),
        )
        .order_by("enrolled_on", "pk")
    )


def add_to_archive(*, member, archive) -> None:
    written = (
        MentorLogEntry.objects.mentored_by(member)
        .select_related("enrolment__aspirant", "enrolment__cohort__programme")
        .order_by("date", "pk")
    )
    write_json(
        archive,
        "programme.json",
        {
            "enrolments_as_aspirant": [_enrolment(e) for e in aspirant_enrolments(member)],
            "mentor_log_entries_you_wrote": [
                {
                    "aspirant": entry.enrolment.aspirant.display_name,
                    "programme": entry.enrolment.cohort.programme.title,
                    "cohort": entry.enrolment.cohort.name,
                    **_entry(entry),
                }
                for entry in written
            ],
        },
    )
