"""Demo programme records: Sam Okafor (aspirant) mentored by Jo Whitfield, on a cohort of the demo
Practice Leader Development Programme, with days, mentor log entries and a project plan that the
aspirant and mentor have agreed and the manager has not yet. Idempotent: a second run changes
nothing. Days and agreements go through the services, so the demo obeys the programme's rules.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cms.models import ActivityType, ProgrammePage
from learning_records.common.links import absolute_url
from learning_records.programme import services, tokens
from learning_records.programme.models import Cohort, Enrolment, MentorLogEntry, ServiceProject
from learning_records.programme.services import project
from members.models import User

PROGRAMME_SLUG = "practice-leader-development-programme"
COHORT_NAME = "Cohort 1 (demo)"

# (days after the cohort starts, activity, days, place, what happened, what I learnt, mentor's response)
DAYS = [
    (
        14,
        ActivityType.RESIDENTIAL,
        "2",
        "Hollins Hall, near Harrogate",
        "Two days with the cohort on leading practice. Mentors joined on the second day.",
        "How much of leadership is holding anxiety for other people.",
        "confirm",
    ),
    (
        35,
        ActivityType.SEMINAR,
        "1",
        "University Library, room 2.14",
        "The Politics of Risk in Child Protection: morning talk, afternoon on a case from my team.",
        "To name the organisational fear behind a risk-averse decision.",
        "confirm",
    ),
    (
        49,
        ActivityType.MENTOR_AUTHORITY_DAY,
        "1",
        "Westborough Council, front door",
        "Shadowed the MASH team manager through the morning threshold meeting.",
        "Their consultation line takes a third of contacts away from referral.",
        "confirm",
    ),
    (
        63,
        ActivityType.SEMINAR,
        "1",
        "University Library, room 2.14",
        "Dementia Matters: adult services speaker; afternoon on consent and capacity.",
        "",
        "confirm",
    ),
    (
        70,
        ActivityType.MENTOR_AUTHORITY_DAY,
        "0.5",
        "Westborough Council, quality assurance",
        "Sat in on an audit moderation panel.",
        "How the audit tool links to practice standards.",
        "confirm",
    ),
    (
        84,
        ActivityType.MENTOR_VISIT_DAY,
        "1",
        "Northshire County Council, Eastgate office",
        "Jo visited my service: we met the principal social worker and two team managers.",
        "Where my project will meet resistance.",
        "confirm",
    ),
    (
        91,
        ActivityType.SEMINAR,
        "1",
        "University Library, room 2.14",
        "Transitional Safeguarding: the gap at 18.",
        "",
        "query:Was this the full day or the morning only?",
    ),
    (
        105,
        ActivityType.MENTOR_AUTHORITY_DAY,
        "1",
        "Westborough Council, disabled children's team",
        "Joined a transitions planning meeting.",
        "",
        "query:Which team was this in? Add what you learnt.",
    ),
    (
        119,
        ActivityType.SEMINAR,
        "1",
        "University Library, room 2.14",
        "Lunch with academics and a seminar on supervision.",
        "",
        None,
    ),
    (
        126,
        ActivityType.MENTOR_AUTHORITY_DAY,
        "1",
        "Westborough Council, principal social worker's office",
        "Spent the day with the principal social worker.",
        "",
        None,
    ),
]

MENTOR_LOG = [
    (
        10,
        60,
        MentorLogEntry.Mode.IN_PERSON,
        "First meeting: hopes for the programme",
        "Talked about Sam's route into leadership and what a practice leader does day to day.",
        "Sam to list three questions to take into the residential.",
        MentorLogEntry.Visibility.WITH_STAFF,
    ),
    (
        40,
        45,
        MentorLogEntry.Mode.VIDEO,
        "Choosing the service development project",
        "Looked at the repeat referral figures together; the front door is the obvious place.",
        "Sam to talk to the head of service before drafting the plan.",
        MentorLogEntry.Visibility.PRIVATE,
    ),
    (
        77,
        30,
        MentorLogEntry.Mode.PHONE,
        "Preparing for the visit to Northshire",
        "Agreed who Jo should meet and what Sam wants feedback on.",
        "",
        MentorLogEntry.Visibility.WITH_STAFF,
    ),
    (
        112,
        60,
        MentorLogEntry.Mode.VIDEO,
        "Handling pushback from team managers",
        "Worked through a difficult conversation Sam expects to have about the pilot.",
        "Sam to try the 'curious first' opening and report back.",
        MentorLogEntry.Visibility.PRIVATE,
    ),
]


def load(*, stdout):
    programme = (
        ProgrammePage.objects.filter(slug=PROGRAMME_SLUG).first()
        or ProgrammePage.objects.filter(title__icontains="Practice Leader Development Programme").first()
    )
    if programme is None:
        stdout.write(
            "  Programme: no 'Practice Leader Development Programme' page yet; skipping programme records."
        )
        return
    people = {
        e: User.objects.filter(email__iexact=e).first()
        for e in ("aspirant@praxis.example", "mentor@praxis.example")
    }
    aspirant, mentor = people["aspirant@praxis.example"], people["mentor@praxis.example"]
    if aspirant is None or mentor is None:
        stdout.write("  Programme: the demo aspirant or mentor is missing; skipping programme records.")
        return
    if not aspirant.organisation_id or aspirant.organisation_id == mentor.organisation_id:
        stdout.write("  Programme: the demo aspirant and mentor need different authorities; skipping.")
        return

    staff = User.objects.filter(email__iexact="staff@praxis.example").first()
    if staff is not None:
        staff.groups.add(Group.objects.get(name="Programme staff"))

    start = timezone.localdate() - datetime.timedelta(days=140)
    cohort, _created = Cohort.objects.get_or_create(
        programme=programme,
        name=COHORT_NAME,
        defaults={"start": start, "preparatory_end": start + datetime.timedelta(days=364)},
    )
    if staff is not None:
        cohort.staff_contacts.add(staff)
    enrolment = Enrolment.objects.filter(cohort=cohort, aspirant=aspirant).first() or services.enrol(
        cohort=cohort,
        aspirant=aspirant,
        mentor=mentor,
        manager_name="Chris Bell",
        manager_email="manager@praxis.example",
        enrolled_on=cohort.start,
    )
    if not enrolment.days.exists():
        _log_days(enrolment, stdout)
    if not enrolment.mentor_log.exists():
        for offset, minutes, mode, focus, notes, actions, visibility in MENTOR_LOG:
            services.add_mentor_log_entry(
                enrolment=enrolment,
                mentor=mentor,
                date=cohort.start + datetime.timedelta(days=offset),
                duration_minutes=minutes,
                mode=mode,
                focus=focus,
                notes=notes,
                agreed_actions=actions,
                visibility=visibility,
            )
    if not ServiceProject.objects.filter(enrolment=enrolment).exists():
        version, _new = project.save_plan(
            enrolment=enrolment,
            user=aspirant,
            title="Fewer repeat referrals at the front door",
            aim="Cut repeat referrals to children's social care by offering referrers a consultation first.",
            need="One referral in four is a repeat within a year, and most end in no further action.",
            planned_outcomes="Repeat referrals fall by a fifth in a year; referrers find the advice useful.",
            milestones=[
                project.MilestoneInput(
                    title="Scoping with the MASH and partners",
                    due_on=cohort.start + datetime.timedelta(days=150),
                    status="in_progress",
                ),
                project.MilestoneInput(
                    title="Pilot the consultation line", due_on=cohort.start + datetime.timedelta(days=240)
                ),
                project.MilestoneInput(
                    title="Evaluate and report to the head of service",
                    due_on=cohort.start + datetime.timedelta(days=340),
                ),
            ],
        )
        project.mentor_decides(
            enrolment=enrolment, mentor=mentor, version_number=version.number, decision="agreed"
        )
    version = enrolment.service_project.current_version
    link = absolute_url(reverse("programme:manager_agreement", args=[tokens.make_manager_token(version)]))
    stdout.write(f"  Programme: {aspirant} mentored by {mentor} on {cohort}. The manager's link: {link}")


def _log_days(enrolment, stdout):
    today = timezone.localdate()
    for offset, activity, days, place, happened, learnt, response in DAYS:
        date = enrolment.cohort.start + datetime.timedelta(days=offset)
        try:
            day = services.log_day(
                enrolment=enrolment,
                activity_type=activity,
                date=date,
                days=Decimal(days),
                place=place,
                what_happened=happened,
                what_i_learnt=learnt,
            )
        except ValidationError as error:
            stdout.write(f"  Programme: skipped a demo day ({' '.join(error.messages)})")
            continue
        if response == "confirm" and day.last_date <= today:
            services.confirm_day(day=day, mentor=enrolment.mentor)
        elif response and response.startswith("query:"):
            services.query_day(day=day, mentor=enrolment.mentor, comment=response.removeprefix("query:"))
