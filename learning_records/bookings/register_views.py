"""Registers in the Wagtail admin, where programme staff already work: the cohorts with session
days, a cohort's register overview (with CSV download), and the form for one session day, made
to be used on a phone in the room. Reads and writes go through `register.py`; the "Programme
staff" group gets the permission from migration 0011. Registered in `wagtail_hooks.py`."""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from cms.models import CourseCohort
from learning_records.bookings import issuing, register, rules
from learning_records.bookings.models import Attendance, Booking
from learning_records.common.spreadsheets import csv_download

PERMISSION = "learning_records.change_attendance"
ISSUE_PERMISSION = "learning_records.issue_certificate"
NOT_MARKED = "Not marked"
# The order marks are counted in, in the success message and the day's summary.
MARK_ORDER = [
    Attendance.Mark.PRESENT,
    Attendance.Mark.LATE,
    Attendance.Mark.LEFT_EARLY,
    Attendance.Mark.ABSENT,
]
SHORT_MARKS = {
    Attendance.Mark.PRESENT: "P",
    Attendance.Mark.LATE: "L",
    Attendance.Mark.LEFT_EARLY: "E",
    Attendance.Mark.ABSENT: "A",
}


def can_take_registers(user) -> bool:
    return user.has_perm(PERMISSION)


def long_day(day: datetime.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def threshold_in_words(course, total_days: int) -> str:
    """The course's rule for a certificate, e.g. '90% of the 15 days and no more than 2 days missed'."""
    return rules.threshold_in_words(
        percent_needed=course.attendance_threshold_percent,
        max_days_missed=course.max_days_missed,
        total_days=total_days,
    )


def counts_in_words(counts: dict[str, int], not_marked: int = 0) -> str:
    """'18 present, 1 late, 1 absent' (marks in MARK_ORDER, those with none left out)."""
    labels = dict(Attendance.Mark.choices)
    parts = [f"{counts[mark]} {labels[mark].lower()}" for mark in MARK_ORDER if counts.get(mark)]
    if not_marked:
        parts.append(f"{not_marked} not marked")
    return ", ".join(parts) or "nobody on the register"


def day_counts(cohort, day) -> dict[str, int]:
    """How many of each mark the cohort's register has for `day`: one query."""
    rows = (
        Attendance.objects.filter(booking__in=register.on_register(cohort).order_by(), date=day)
        .values_list("mark")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def cohorts_with_session_days(today: datetime.date) -> list[CourseCohort]:
    """Every cohort that has session days, those still to finish first (soonest next day first),
    then finished ones (most recent first). One query; each cohort carries `people` (confirmed
    bookings), `days`, `next_day` and `last_day`."""
    cohorts = (
        CourseCohort.objects.exclude(session_dates=[])
        .select_related("course")
        .annotate(people=Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED)))
        .order_by("start_date", "pk")
    )
    found = []
    for cohort in cohorts:
        cohort.days = cohort.session_days
        if not cohort.days:
            continue
        cohort.last_day = cohort.days[-1]
        cohort.next_day = next((day for day in cohort.days if day >= today), None)
        found.append(cohort)
    upcoming = sorted((c for c in found if c.next_day), key=lambda c: c.next_day)
    finished = sorted((c for c in found if not c.next_day), key=lambda c: c.last_day, reverse=True)
    return upcoming + finished


class RegisterPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_take_registers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CohortRegisterMixin(RegisterPermissionMixin):
    """A view about one cohort (and, with `day`, one of its session days); 404 for a cohort that
    does not exist or a date that is not one of its session days."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort = get_object_or_404(CourseCohort.objects.select_related("course"), pk=kwargs["pk"])
        self.days = self.cohort.session_days
        if "day" in kwargs:
            try:
                self.day = datetime.date.fromisoformat(kwargs["day"])
            except ValueError:
                raise Http404("Not a date.") from None
            if self.day not in self.days:
                raise Http404("Not a session day of this cohort.")

    @property
    def cohort_label(self) -> str:
        return f"{self.cohort.course.title}: {self.cohort.name}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("registers:index"), "label": "Registers"},
            {"url": reverse("registers:cohort", args=[self.cohort.pk]), "label": self.cohort_label},
        ]


class RegisterIndex(RegisterPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Registers"
    header_icon = "tasks"
    template_name = "learning_records/admin/register_index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Registers"}]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(cohorts=cohorts_with_session_days(today), today=today, **kwargs)


@dataclass(frozen=True)
class Cell:
    mark: str  # an Attendance.Mark value, or "" when not yet taken
    short: str  # the letter shown in the grid
    label: str  # the mark in words


@dataclass(frozen=True)
class OverviewRow:
    summary: register.AttendanceSummary
    cells: list[Cell]  # one per session day


def overview_rows(cohort, days) -> list[OverviewRow]:
    """Each person's summary and marks for every session day: two queries, whatever the size."""
    summaries = register.summaries(cohort)
    marks = {
        (booking_id, date): mark
        for booking_id, date, mark in Attendance.objects.filter(
            booking__in=[s.booking.pk for s in summaries], date__in=days
        ).values_list("booking_id", "date", "mark")
    }
    labels = dict(Attendance.Mark.choices)

    def cell(mark):
        return Cell(mark, SHORT_MARKS.get(mark, ""), labels.get(mark, NOT_MARKED))

    return [OverviewRow(s, [cell(marks.get((s.booking.pk, day), "")) for day in days]) for s in summaries]


class RegisterOverview(CohortRegisterMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tasks"
    template_name = "learning_records/admin/register_overview.html"

    def get_page_title(self):
        return f"Register: {self.cohort_label}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items()[:-1], {"url": "", "label": self.cohort_label}]

    def get(self, request, *args, **kwargs):
        rows = overview_rows(self.cohort, self.days)
        if request.GET.get("export") == "csv":
            return self.csv_response(rows)
        return self.render_to_response(self.get_context_data(rows=rows))

    def get_context_data(self, **kwargs):
        rows = kwargs["rows"]
        labels = dict(Attendance.Mark.choices)
        today = timezone.localdate()
        return super().get_context_data(
            cohort=self.cohort,
            course=self.cohort.course,
            days=[
                (day, reverse("registers:day", args=[self.cohort.pk, day.isoformat()])) for day in self.days
            ],
            rule=threshold_in_words(self.cohort.course, len(self.days)),
            reached=sum(row.summary.met for row in rows),
            next_day=next((day for day in self.days if day >= today), self.days[-1] if self.days else None),
            csv_url=f"{reverse('registers:cohort', args=[self.cohort.pk])}?export=csv",
            can_issue=self.request.user.has_perm(ISSUE_PERMISSION),
            issue_not_ready=issuing.ready_to_issue(self.cohort, today),
            issue_url=reverse("registers:certificates", args=[self.cohort.pk]),
            short_marks=[(SHORT_MARKS[mark], labels[mark]) for mark in MARK_ORDER],
            **kwargs,
        )

    def csv_response(self, rows):
        filename = f"register-{slugify(self.cohort.course.title)}-{slugify(self.cohort.name)}.csv"
        heading = [
            "Name",
            "Email",
            "Authority",
            *[day.isoformat() for day in self.days],
            "Days attended",
            "Percent",
            "Reached the threshold",
        ]
        return csv_download(
            filename,
            heading,
            (
                [
                    row.summary.booking.member.get_full_name(),
                    row.summary.booking.member.email,
                    row.summary.booking.organisation or "",
                    *[cell.label if cell.mark else "" for cell in row.cells],
                    row.summary.attended,
                    row.summary.percent,
                    "Yes" if row.summary.met else "No",
                ]
                for row in rows
            ),
        )


class DayRegisterForm(forms.Form):
    """One radio group per person on the register, named `mark_<booking pk>`; all optional (a
    person not yet marked stays so)."""

    def __init__(self, *args, lines: list[register.RegisterLine], **kwargs):
        super().__init__(*args, initial={f"mark_{line.booking.pk}": line.mark for line in lines}, **kwargs)
        self.lines = lines
        for line in lines:
            member = line.booking.member
            self.fields[f"mark_{line.booking.pk}"] = forms.ChoiceField(
                label=member.get_full_name() or member.email,
                choices=Attendance.Mark.choices,
                required=False,
                widget=forms.RadioSelect,
            )

    def people(self):
        """(line, bound field, its value) for each person, in register order. The template
        writes the radios itself: Django's widget templates made a 60-person day 3x slower."""
        people = []
        for line in self.lines:
            field = self[f"mark_{line.booking.pk}"]
            people.append((line, field, field.value() or ""))
        return people

    def marks(self, *, everyone_present: bool = False) -> dict[int, str]:
        """{booking pk: mark} for the marks chosen; with `everyone_present`, also present for
        everyone not yet marked. A person left blank keeps any mark they have: someone else may
        have taken the register since this form was opened, and the form cannot clear a mark."""
        marks = {}
        for line in self.lines:
            chosen = self.cleaned_data[f"mark_{line.booking.pk}"]
            if chosen:
                marks[line.booking.pk] = chosen
            elif everyone_present and not line.mark:
                marks[line.booking.pk] = Attendance.Mark.PRESENT
        return marks


class DayRegister(CohortRegisterMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tasks"
    template_name = "learning_records/admin/register_day.html"

    def get_page_title(self):
        return f"Register for {long_day(self.day)}"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": long_day(self.day)}]

    def form(self, data=None):
        return DayRegisterForm(data, lines=register.register_for_day(self.cohort, self.day))

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, "The register was not saved: correct the marks shown below.")
            return self.render_to_response(self.get_context_data(form=form))
        marks = form.marks(everyone_present="everyone_present" in request.POST)
        register.take_register(self.cohort, self.day, marks, by=request.user)
        counts = day_counts(self.cohort, self.day)
        not_marked = len(form.lines) - sum(counts.values())
        messages.success(
            request, f"Register for {long_day(self.day)} saved: {counts_in_words(counts, not_marked)}."
        )
        return redirect("registers:day", self.cohort.pk, self.day.isoformat())

    def get_context_data(self, **kwargs):
        position = self.days.index(self.day)

        def link(index):
            if 0 <= index < len(self.days):
                day = self.days[index]
                return {
                    "label": long_day(day),
                    "url": reverse("registers:day", args=[self.cohort.pk, day.isoformat()]),
                }
            return None

        form = kwargs["form"]
        marked = sum(1 for line in form.lines if line.mark)
        return super().get_context_data(
            cohort=self.cohort,
            cohort_label=self.cohort_label,
            day=self.day,
            day_label=long_day(self.day),
            number=position + 1,
            total_days=len(self.days),
            previous_day=link(position - 1),
            next_day=link(position + 1),
            unmarked=len(form.lines) - marked,
            overview_url=reverse("registers:cohort", args=[self.cohort.pk]),
            choices=Attendance.Mark.choices,
            **kwargs,
        )


class IssueCertificates(CohortRegisterMixin, WagtailAdminTemplateMixin, TemplateView):
    """The confirmation step (GET) and the action (POST) of issuing attendance certificates to
    everyone on the cohort's register who reached the threshold (bookings/issuing.py)."""

    header_icon = "doc-full"
    template_name = "learning_records/admin/register_certificates.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ISSUE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Issue attendance certificates"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": "Issue certificates"}]

    def get_context_data(self, **kwargs):
        summaries = register.summaries(self.cohort)
        reached = [s for s in summaries if s.met]
        holders = issuing.certified_members(self.cohort, [s.booking.member_id for s in reached])
        return super().get_context_data(
            cohort=self.cohort,
            cohort_label=self.cohort_label,
            not_ready=issuing.ready_to_issue(self.cohort),
            rule=threshold_in_words(self.cohort.course, len(self.days)),
            to_issue=[s for s in reached if s.booking.member_id not in holders],
            already=len(holders),
            not_reached=len(summaries) - len(reached),
            attended=sum(1 for s in summaries if s.attended),
            overview_url=reverse("registers:cohort", args=[self.cohort.pk]),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            outcome = issuing.issue_attendance_certificates(self.cohort, issued_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("registers:certificates", self.cohort.pk)
        messages.success(request, outcome.in_words())
        for refusal in outcome.refused:
            messages.warning(request, f"Not issued to {refusal}")
        return redirect("registers:cohort", self.cohort.pk)


class RegisterViewSet(ViewSet):
    name = "registers"
    icon = "tasks"
    menu_label = "Registers"
    menu_order = 241  # just after Bookings
    add_to_admin_menu = True
    url_prefix = "registers"

    def get_urlpatterns(self):
        return [
            path("", RegisterIndex.as_view(), name="index"),
            path("<int:pk>/", RegisterOverview.as_view(), name="cohort"),
            path("<int:pk>/certificates/", IssueCertificates.as_view(), name="certificates"),
            path("<int:pk>/<str:day>/", DayRegister.as_view(), name="day"),
        ]

    @property
    def menu_url(self):
        return reverse("registers:index")

    @cached_property
    def menu_item_class(self):
        return type(
            "RegisterMenuItem",
            (MenuItem,),
            {"is_shown": lambda _item, request: can_take_registers(request.user)},
        )
