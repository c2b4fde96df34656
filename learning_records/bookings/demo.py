"""Demo bookings and registers: twelve people (the demo practitioner and eleven fictional
colleagues from the partner authorities) have places on the systemic practice cohort that is
already running (cms/demo/courses.py), and its register is taken for the session days gone by,
so programme staff see marks, percentages and who is on course for a certificate. The same
people attended the cohort that finished a few months ago: its certificates of attendance are
issued, and each attendee has a provider-confirmed CPD draft to complete.

Idempotent: people and bookings are found before they are made, and taking a register writes
only the marks that differ."""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from cms.models import CourseCohort
from learning_records.bookings import issuing, register, services
from learning_records.bookings.models import Booking
from learning_records.certificates.models import Certificate
from learning_records.certificates.services import render_pending_pdf
from members import demo as members
from members.models import Organisation, User

COURSE_SLUG = "systemic-practice"
STAFF_EMAIL = "staff@praxis.example"
# (first name, last name, authority): fictional; with the demo practitioner, three per authority.
PARTICIPANTS = [
    ("Amara", "Bello", members.NORTHFIELD),
    ("Tom", "Hughes", members.NORTHFIELD),
    ("Kerry", "Nolan", members.EASTMOOR),
    ("Imran", "Qureshi", members.EASTMOOR),
    ("Beth", "Lloyd", members.EASTMOOR),
    ("Daniel", "Adeyemi", members.WESTBROOK),
    ("Sian", "Morgan", members.WESTBROOK),
    ("Hannah", "Kowalski", members.WESTBROOK),
    ("Leon", "Grant", members.ASHDALE),
    ("Ruth", "Okoro", members.ASHDALE),
    ("Megan", "Shaw", members.HARBOUR_VALE),
]
# Who missed or was late on which past session day (by position), so the overview shows each mark
# and one person who can no longer reach the threshold.
EXCEPTIONS = {
    ("Qureshi", 0): "late",
    ("Lloyd", 1): "absent",
    ("Grant", 1): "absent",
    ("Grant", 2): "absent",
    ("Grant", 3): "absent",
    ("Shaw", 2): "left_early",
    ("Hughes", 3): "late",
    ("Nolan", 4): "absent",
}


def load(*, stdout):
    running, finished = demo_cohort(running=True), demo_cohort(running=False)
    if running is None and finished is None:
        stdout.write("  Registers skipped: no systemic practice cohorts (site demo not loaded).")
        return
    people = participants(stdout=stdout)
    staff = User.objects.filter(email__iexact=STAFF_EMAIL).first()
    for cohort in (c for c in (finished, running) if c is not None):
        booked = [book(member, cohort) for member in people]
        past = take_past_registers(cohort, by=staff)
        stdout.write(
            f"  Registers: {sum(b is not None for b in booked)} people on {cohort.course.title} "
            f"({cohort.name}), {len(past)} of {len(cohort.session_days)} session days taken"
        )
    if finished is not None:
        outcome = issuing.issue_attendance_certificates(finished, issued_by=staff)
        stdout.write(f"  Attendance certificates for {finished.name}: {outcome.in_words()}")
        # Production settings queue the PDFs for a worker the demo may not have: render them now
        # (with the immediate backend of development they are rendered already).
        for pk in Certificate.objects.being_prepared().values_list("pk", flat=True):
            render_pending_pdf(pk)


def take_past_registers(cohort, *, by) -> list[datetime.date]:
    today = timezone.localdate()
    past = [day for day in cohort.session_days if day < today]
    on_register = list(register.on_register(cohort))
    for position, day in enumerate(past):
        marks = {
            booking.pk: EXCEPTIONS.get((booking.member.last_name, position), "present")
            for booking in on_register
        }
        register.take_register(cohort, day, marks, by=by)
    return past


def demo_cohort(*, running: bool) -> CourseCohort | None:
    """The systemic practice cohort running now, or the one whose last session day has passed."""
    today = timezone.localdate()
    cohorts = CourseCohort.objects.filter(course__slug=COURSE_SLUG).select_related("course")
    if running:
        return cohorts.filter(start_date__lte=today, end_date__gte=today).first()
    return next(
        (c for c in cohorts.order_by("-start_date") if c.session_days and c.session_days[-1] < today), None
    )


def participants(*, stdout) -> list[User]:
    """The demo practitioner (if the members demo is loaded) and the fictional participants, who
    cannot sign in (no usable password)."""
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=members.LOCAL_AUTHORITIES)}
    people = list(User.objects.filter(email__iexact=members.PRACTITIONER_EMAIL))
    for first, last, authority in PARTICIPANTS:
        person, _created = User.objects.update_or_create(
            email=f"{first}.{last}@participants.praxis.example".lower(),
            defaults={
                "first_name": first,
                "last_name": last,
                "role": User.Role.PRACTITIONER,
                "organisation": organisations.get(authority),
                "password": make_password(None),
            },
        )
        people.append(person)
    return people


def book(member, cohort) -> Booking | None:
    """The member's confirmed place, booked through the service the day bookings opened."""
    existing = Booking.objects.filter(member=member, cohort=cohort).active().first()
    if existing is not None:
        return existing
    opened = (cohort.application_deadline or cohort.start_date) - datetime.timedelta(days=14)
    booked_at = timezone.make_aware(datetime.datetime.combine(opened, datetime.time(10)))
    try:
        return services.book(member=member, cohort=cohort, now=booked_at)
    except services.BookingRefused:
        return None
