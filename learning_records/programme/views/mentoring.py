"""The mentor's pages: the aspirants they mentor, days to confirm, their mentor log, the plan.

Every view starts from `Enrolment.objects.mentored_by(request.user)` (or the matching day and
log queries), so a mentor sees only the aspirants they mentor, and never their CPD records.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from learning_records.programme import rules, services
from learning_records.programme.forms import (
    AgreementForm,
    DayQueryForm,
    MentorLogEntryForm,
    add_service_errors,
)
from learning_records.programme.models import Enrolment, MentorLogEntry, ProgrammeDay
from learning_records.programme.services import project as project_services

from .aspirant import current_plan, phase_sections

ENTRIES_PER_PAGE = 25


def mentee_enrolment(request, pk: int) -> Enrolment:
    return get_object_or_404(Enrolment.objects.mentored_by(request.user).with_people(), pk=pk)


def waiting_days(queryset):
    return queryset.waiting().select_related("enrolment__aspirant").order_by("date")


def _back(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@login_required
def mentoring(request):
    enrolments = list(
        Enrolment.objects.mentored_by(request.user)
        .with_people()
        .annotate(waiting=Count("days", filter=Q(days__status=ProgrammeDay.Status.LOGGED)))
        .order_by("status", "aspirant__last_name")
    )
    if not enrolments:
        raise Http404("You do not mentor anyone on a programme.")
    entries = MentorLogEntry.objects.mentored_by(request.user).select_related("enrolment__aspirant")[:10]
    return render(
        request,
        "learning_records/mentoring.html",
        {
            "enrolments": enrolments,
            "waiting": list(waiting_days(ProgrammeDay.objects.mentored_by(request.user))[:50]),
            "entries": list(entries),
            "query_form": DayQueryForm(),
            "back_url": reverse("programme:mentoring"),
        },
    )


@login_required
def mentee(request, pk: int):
    enrolment = mentee_enrolment(request, pk)
    back_url = reverse("programme:mentee", args=[enrolment.pk])
    return render(
        request,
        "learning_records/mentee_detail.html",
        {
            "enrolment": enrolment,
            "sections": phase_sections(enrolment),
            "waiting": list(waiting_days(enrolment.days.all())),
            "recent_days": list(enrolment.days.exclude(status=ProgrammeDay.Status.LOGGED)[:10]),
            "plan": current_plan(enrolment),
            "entries": list(enrolment.mentor_log.all()[:5]),
            "query_form": DayQueryForm(),
            "back_url": back_url,
            "closed_message": rules.logging_closed_problem(
                status=enrolment.status, ended_on=enrolment.ended_on
            ),
        },
    )


def mentored_day(request, day_pk: int) -> ProgrammeDay:
    return get_object_or_404(
        ProgrammeDay.objects.mentored_by(request.user).select_related("enrolment"), pk=day_pk
    )


@login_required
@require_POST
def day_confirm(request, day_pk: int):
    day = mentored_day(request, day_pk)
    back = _back(request, reverse("programme:mentee", args=[day.enrolment_id]))
    try:
        services.confirm_day(day=day, mentor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Confirmed: {day.get_activity_type_display()} on {rules.long_date(day.date)}."
        )
    return redirect(back)


@login_required
def day_query(request, day_pk: int):
    day = mentored_day(request, day_pk)
    back = _back(request, reverse("programme:mentee", args=[day.enrolment_id]))
    form = DayQueryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.query_day(day=day, mentor=request.user, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Queried: {day.get_activity_type_display()} on {rules.long_date(day.date)}. "
                "The aspirant has been emailed your comment.",
            )
            return redirect(back)
    return render(
        request,
        "learning_records/programmeday_query.html",
        {"day": day, "enrolment": day.enrolment, "form": form, "back_url": back},
    )


@login_required
def mentee_log(request, pk: int):
    enrolment = mentee_enrolment(request, pk)
    page_obj = Paginator(enrolment.mentor_log.all(), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "learning_records/mentorlogentry_list.html",
        {"enrolment": enrolment, "page_obj": page_obj, "viewer": "mentor"},
    )


@login_required
def log_create(request, pk: int):
    enrolment = mentee_enrolment(request, pk)
    form = MentorLogEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.add_mentor_log_entry(
                enrolment=enrolment, mentor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Mentor log entry added: {entry.focus}.")
            return redirect("programme:mentee", pk=enrolment.pk)
    return render(
        request,
        "learning_records/mentorlogentry_form.html",
        {
            "enrolment": enrolment,
            "form": form,
            "closed_message": rules.logging_closed_problem(
                status=enrolment.status, ended_on=enrolment.ended_on
            ),
        },
    )


def mentored_entry(request, entry_pk: int) -> MentorLogEntry:
    return get_object_or_404(
        MentorLogEntry.objects.mentored_by(request.user).select_related("enrolment__aspirant"), pk=entry_pk
    )


@login_required
def log_edit(request, entry_pk: int):
    entry = mentored_entry(request, entry_pk)
    form = MentorLogEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_mentor_log_entry(entry=entry, mentor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Mentor log entry saved.")
            return redirect("programme:mentee", pk=entry.enrolment_id)
    return render(
        request,
        "learning_records/mentorlogentry_form.html",
        {"enrolment": entry.enrolment, "form": form, "entry": entry},
    )


@login_required
def log_delete(request, entry_pk: int):
    entry = mentored_entry(request, entry_pk)
    if request.method == "POST":
        try:
            services.delete_mentor_log_entry(entry=entry, mentor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Mentor log entry deleted: {entry.focus}.")
        return redirect("programme:mentee", pk=entry.enrolment_id)
    return render(
        request,
        "learning_records/mentorlogentry_confirm_delete.html",
        {"entry": entry, "enrolment": entry.enrolment},
    )


@login_required
def project_decision(request, pk: int):
    enrolment = mentee_enrolment(request, pk)
    plan = current_plan(enrolment)
    if plan is None:
        raise Http404("There is no plan yet.")
    already = next((a for a in plan.agreements.all() if a.party == "mentor"), None)
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        try:
            project_services.mentor_decides(
                enrolment=enrolment,
                mentor=request.user,
                version_number=int(request.POST.get("version", "0"))
                if request.POST.get("version", "").isdigit()
                else 0,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Thank you. Your decision on the plan is recorded.")
            return redirect("programme:mentee", pk=enrolment.pk)
    return render(
        request,
        "learning_records/serviceproject_decision.html",
        {"enrolment": enrolment, "plan": plan, "form": form, "already": already},
    )
