"""The aspirant's pages: dashboard, logging days, the mentor log and the service project.

Every view starts from `Enrolment.objects.for_aspirant(request.user)`, so another member's
enrolment (or day) answers 404. Views call services; the rules live in the services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cms.models import EventPage, Phase
from learning_records.certificates.kinds import get_kind
from learning_records.certificates.selectors import standing_certificate
from learning_records.programme import rules, services
from learning_records.programme.forms import (
    MilestoneFormSet,
    ProgrammeDayForm,
    ServicePlanForm,
    add_service_errors,
)
from learning_records.programme.models import Enrolment, ProgrammeDay, ServiceProject, ServiceProjectVersion
from learning_records.programme.selectors import enrolment_progress, loggable_requirements
from learning_records.programme.services import project as project_services

DAYS_PER_PAGE = 25


def aspirant_enrolment(request, pk: int) -> Enrolment:
    return get_object_or_404(Enrolment.objects.for_aspirant(request.user).with_people(), pk=pk)


def next_event():
    """The next seminar (or residential) from the events pages, for the dashboard."""
    return (
        EventPage.objects.live()
        .public()
        .upcoming()
        .filter(kind__in=[EventPage.Kind.SEMINAR, EventPage.Kind.RESIDENTIAL])
        .first()
    )


def current_plan(enrolment: Enrolment) -> ServiceProjectVersion | None:
    project = (
        ServiceProject.objects.filter(enrolment=enrolment)
        .select_related("current_version")
        .prefetch_related("current_version__milestones", "current_version__agreements")
        .first()
    )
    return project.current_version if project else None


def phase_sections(enrolment: Enrolment) -> list[dict]:
    """Progress tables, the current phase first, each with its dates."""
    progress = enrolment_progress(enrolment)
    order = [enrolment.phase] + [phase for phase in Phase.values if phase != enrolment.phase]
    sections = []
    for phase in order:
        if phase not in progress or (phase == Phase.IN_ROLE and enrolment.phase != Phase.IN_ROLE):
            continue
        sections.append(
            {
                "phase": phase,
                "label": Phase(phase).label,
                "is_current": phase == enrolment.phase,
                "window": services.phase_window_of(enrolment, phase),
                "rows": progress[phase],
            }
        )
    return sections


@login_required
def my_programme(request):
    """One enrolment: straight to its dashboard. Several: a list. None: nothing here (404)."""
    enrolments = list(Enrolment.objects.for_aspirant(request.user).with_people().order_by("-cohort__start"))
    if not enrolments:
        raise Http404("You are not enrolled on a programme.")
    if len(enrolments) == 1:
        return redirect("programme:dashboard", pk=enrolments[0].pk)
    return render(request, "learning_records/enrolment_list.html", {"enrolments": enrolments})


@login_required
def dashboard(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    days = enrolment.days.all()
    context = {
        "enrolment": enrolment,
        "sections": phase_sections(enrolment),
        "recent_days": list(days[:8]),
        "queried_days": list(days.filter(status=ProgrammeDay.Status.QUERIED)[:5]),
        "waiting_count": days.waiting().count(),
        "next_event": next_event(),
        "plan": current_plan(enrolment),
        "mentor_log": list(enrolment.mentor_log.all()[:5]),
        "closed_message": rules.logging_closed_problem(status=enrolment.status, ended_on=enrolment.ended_on),
        **completion_context(request, enrolment),
    }
    return render(request, "learning_records/enrolment_detail.html", context)


def completion_context(request, enrolment: Enrolment) -> dict:
    """The completion certificate: a link once issued, else what the kind's rule still needs
    (an empty list means the aspirant can ask for it now)."""
    certificate = standing_certificate(
        kind="programme_completion", recipient=request.user, subject_key=f"enrolment:{enrolment.pk}"
    )
    if certificate is not None:
        return {"completion_certificate": certificate, "completion_missing": []}
    missing = get_kind("programme_completion").missing(request.user, enrolment=enrolment.pk)
    return {"completion_certificate": None, "completion_missing": missing}


@login_required
def day_list(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    days = enrolment.days.all()
    status = request.GET.get("status", "")
    if status in ProgrammeDay.Status.values:
        days = days.filter(status=status)
    page_obj = Paginator(days, DAYS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "learning_records/programmeday_list.html",
        {
            "enrolment": enrolment,
            "page_obj": page_obj,
            "status": status,
            "statuses": ProgrammeDay.Status.choices,
        },
    )


def _day_values(form) -> dict:
    data = form.cleaned_data
    return {
        "activity_type": data["activity_type"],
        "date": data["date"],
        "days": data["days"],
        "place": data["place"],
        "what_happened": data["what_happened"],
        "what_i_learnt": data["what_i_learnt"],
    }


@login_required
def day_create(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    requirements = loggable_requirements(enrolment)
    form = ProgrammeDayForm(request.POST or None, requirements=requirements)
    if request.method == "POST" and form.is_valid():
        try:
            day = services.log_day(enrolment=enrolment, **_day_values(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Logged: {day.get_activity_type_display()} on {rules.long_date(day.date)} "
                f"({rules.format_days(day.days)}). Your mentor will be asked to confirm it.",
            )
            if "another" in request.POST:
                return redirect("programme:day_create", pk=enrolment.pk)
            return redirect("programme:dashboard", pk=enrolment.pk)
    return render(
        request,
        "learning_records/programmeday_form.html",
        {
            "enrolment": enrolment,
            "form": form,
            "sections": phase_sections(enrolment)[:1],
            "closed_message": rules.logging_closed_problem(
                status=enrolment.status, ended_on=enrolment.ended_on
            ),
        },
    )


def aspirant_day(request, pk: int, day_pk: int) -> tuple[Enrolment, ProgrammeDay]:
    enrolment = aspirant_enrolment(request, pk)
    return enrolment, get_object_or_404(enrolment.days.all(), pk=day_pk)


@login_required
def day_edit(request, pk: int, day_pk: int):
    enrolment, day = aspirant_day(request, pk, day_pk)
    if not day.can_be_changed:
        messages.error(request, "Your mentor has confirmed this day, so it can no longer be changed.")
        return redirect("programme:day_list", pk=enrolment.pk)
    requirements = [r for r in enrolment.cohort.programme.requirements.all() if r.phase == day.phase]
    initial = {
        "activity_type": day.activity_type,
        "date": day.date,
        "days": str(day.days.normalize()) if day.days <= 1 else "1",
        "place": day.place,
        "what_happened": day.what_happened,
        "what_i_learnt": day.what_i_learnt,
    }
    form = ProgrammeDayForm(request.POST or None, initial=initial, requirements=requirements)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_day(day=day, **_day_values(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Day changed. Your mentor will be asked to confirm it.")
            return redirect("programme:dashboard", pk=enrolment.pk)
    return render(
        request,
        "learning_records/programmeday_form.html",
        {"enrolment": enrolment, "form": form, "day": day, "sections": []},
    )


@login_required
def day_delete(request, pk: int, day_pk: int):
    enrolment, day = aspirant_day(request, pk, day_pk)
    if request.method == "POST":
        try:
            services.delete_day(day=day)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, f"Deleted: {day.get_activity_type_display()} on {rules.long_date(day.date)}."
            )
        return redirect("programme:dashboard", pk=enrolment.pk)
    return render(
        request, "learning_records/programmeday_confirm_delete.html", {"enrolment": enrolment, "day": day}
    )


@login_required
def mentor_log(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    page_obj = Paginator(enrolment.mentor_log.all(), DAYS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "learning_records/mentorlogentry_list.html",
        {"enrolment": enrolment, "page_obj": page_obj, "viewer": "aspirant"},
    )


def _milestones_from(formset) -> list[project_services.MilestoneInput]:
    return [
        project_services.MilestoneInput(
            title=f.cleaned_data["title"], due_on=f.cleaned_data["due_on"], status=f.cleaned_data["status"]
        )
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


@login_required
def project_edit(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    plan = current_plan(enrolment)
    initial = {}
    milestones = []
    if plan:
        initial = {
            "title": plan.title,
            "aim": plan.aim,
            "need": plan.need,
            "planned_outcomes": plan.planned_outcomes,
        }
        milestones = [
            {"title": m.title, "due_on": m.due_on, "status": m.status} for m in plan.milestones.all()
        ]
    form = ServicePlanForm(request.POST or None, initial=initial)
    formset = MilestoneFormSet(request.POST or None, initial=milestones, prefix="milestones")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            version, is_new = project_services.save_plan(
                enrolment=enrolment,
                user=request.user,
                milestones=_milestones_from(formset),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if is_new:
                messages.success(
                    request,
                    f"Version {version.number} of your plan is sent. "
                    f"Your mentor and {enrolment.manager_name} have been asked to agree it.",
                )
            else:
                messages.success(request, "Milestone progress saved. The agreed plan has not changed.")
            return redirect("programme:dashboard", pk=enrolment.pk)
    return render(
        request,
        "learning_records/serviceproject_form.html",
        {"enrolment": enrolment, "form": form, "formset": formset, "plan": plan},
    )


@login_required
def project_history(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    versions = (
        ServiceProjectVersion.objects.filter(project__enrolment=enrolment)
        .prefetch_related("milestones", "agreements")
        .order_by("-number")
    )
    return render(
        request,
        "learning_records/serviceproject_history.html",
        {"enrolment": enrolment, "versions": versions, "viewer": "aspirant"},
    )


@login_required
@require_POST
def project_resend(request, pk: int):
    enrolment = aspirant_enrolment(request, pk)
    try:
        project_services.resend_manager_link(enrolment=enrolment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"A new link has been sent to {enrolment.manager_name}. Earlier links no longer work."
        )
    return redirect("programme:dashboard", pk=enrolment.pk)
