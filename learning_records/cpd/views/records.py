"""A member's CPD records: dashboard, list, detail, the record form (with autosave) and delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from learning_records.certificates.models import Certificate
from learning_records.cpd import rules, selectors, services
from learning_records.cpd.forms import CPDRecordForm, EvidenceForm
from learning_records.cpd.models import CPDRecord
from learning_records.cpd.selectors import initial_from_page, source_page_for
from learning_records.programme.selectors import dashboard_programme

RECORDS_PER_PAGE = 25


def owned_record(request, pk) -> CPDRecord:
    """The member's own record, or 404 (never 403: another member's ids are not confirmed)."""
    return get_object_or_404(CPDRecord.objects.for_member(request.user), pk=pk)


def mark_counting(records, today, year=None):
    """Attach why each record does not count (None when it counts) for the templates."""
    for record in records:
        record_year = year or record.registration_year
        record.not_counting_reason = (
            rules.why_not_counting(record.facts(), record_year, today)
            if record_year
            else "Draft with no date yet."
        )
    return records


@login_required
def dashboard(request):
    today = timezone.localdate()
    year = rules.registration_year_of(today)
    summary = selectors.year_summary(member=request.user, year=year, today=today)
    records = CPDRecord.objects.for_member(request.user)
    recent = list(records.order_by("-updated_at")[:5])
    return render(
        request,
        "learning_records/dashboard.html",
        {
            "summary": summary,
            "recent_records": recent,
            "draft_count": records.drafts().count(),
            "previous_year": rules.year_name(year - 1),
            **certificates_box(request.user),
            **dashboard_programme(member=request.user),
        },
    )


def certificates_box(member) -> dict:
    """For includes/dashboard_certificates.html: how many certificates, and the latest (two queries)."""
    certificates = Certificate.objects.for_member(member)
    return {
        "certificate_count": certificates.count(),
        "latest_certificate": certificates.with_versions().first(),
    }


@login_required
def record_list(request):
    today = timezone.localdate()
    summaries = selectors.year_summaries(member=request.user, today=today)
    records = CPDRecord.objects.for_member(request.user).for_listing()
    status = request.GET.get("status", "")
    if status in CPDRecord.Status.values:
        records = records.filter(status=status)
    year = rules.parse_year_name(request.GET.get("year", ""))
    if year:
        records = records.in_registration_year(year)
    records = records.annotate(activity_on=Coalesce("end_date", "start_date")).order_by(
        F("registration_year").desc(nulls_first=True), F("activity_on").desc(nulls_first=True), "-created_at"
    )
    page_obj = Paginator(records, RECORDS_PER_PAGE).get_page(request.GET.get("page"))
    mark_counting(page_obj.object_list, today)
    groups = []
    for record in page_obj.object_list:
        if not groups or groups[-1]["year"] != record.registration_year:
            groups.append(
                {
                    "year": record.registration_year,
                    "summary": summaries.get(record.registration_year),
                    "records": [],
                }
            )
        groups[-1]["records"].append(record)
    return render(
        request,
        "learning_records/cpdrecord_list.html",
        {
            "page_obj": page_obj,
            "groups": groups,
            "summaries": list(summaries.values()),
            "status": status,
            "year_filter": rules.year_name(year) if year else "",
            "statuses": CPDRecord.Status.choices,
            "is_filtered": bool(year or status),
        },
    )


@login_required
def record_detail(request, pk):
    record = owned_record(request, pk)
    today = timezone.localdate()
    mark_counting([record], today)
    return render(
        request,
        "learning_records/cpdrecord_detail.html",
        {
            "record": record,
            "statements": record.statements.select_related("framework").order_by(
                "framework__name", "sort_order"
            ),
            "evidence_files": record.evidence_files.all(),
            "evidence_form": EvidenceForm(),
            "submit_problems": rules.problems_for_submission(
                {name: getattr(record, name) for name in services.RECORD_FIELDS}, today
            )
            if not record.is_submitted
            else {},
        },
    )


def _values(form) -> dict:
    return {name: form.cleaned_data.get(name) for name in services.RECORD_FIELDS}


def _render_form(request, form, record=None, source_page=None, status=200):
    return render(
        request,
        "learning_records/cpdrecord_form.html",
        {"form": form, "record": record, "source_page": source_page},
        status=status,
    )


def _save(request, form, record, source_page):
    """Run the chosen action through the services. Returns a response."""
    action = request.POST.get("action", "draft")
    values, statements = _values(form), form.cleaned_data.get("statements")
    member = request.user
    try:
        if record is not None and record.is_submitted and action != "draft":
            outcome = services.update_record(
                member=member, record=record, values=values, statements=statements
            )
            if outcome.submitted:
                messages.success(request, "Your changes are saved. The record is still submitted.")
                return redirect("records:detail", pk=outcome.record.pk)
            for name, message in outcome.problems.items():
                form.add_error(name, message)
            messages.warning(
                request,
                "Your changes are saved, but the record is now a draft because something it needs is "
                "missing. Complete the fields marked below and submit it again.",
            )
            return _render_form(request, form, outcome.record)
        if action == "submit":
            try:
                record = services.submit_record(
                    member=member,
                    values=values,
                    statements=statements,
                    record=record,
                    source_page=source_page,
                )
            except ValidationError as error:
                # Keep the work: save what is there as a draft, then show what stops submission.
                record = services.save_draft(
                    member=member,
                    values=values,
                    statements=statements,
                    record=record,
                    source_page=source_page,
                )
                form.add_error(None, error)
                messages.warning(
                    request, "Saved as a draft. It cannot be submitted yet: see the fields marked below."
                )
                return _render_form(request, form, record)
            messages.success(request, "Record submitted. It now counts towards its registration year.")
            return redirect("records:detail", pk=record.pk)
        record = services.save_draft(
            member=member, values=values, statements=statements, record=record, source_page=source_page
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_form(request, form, record, source_page, status=400)
    messages.success(request, "Saved as a draft. You can come back and finish it at any time.")
    return redirect("records:detail", pk=record.pk)


@login_required
def record_create(request):
    source_page = source_page_for(request.POST.get("source_page") or request.GET.get("page"))
    if request.method == "POST":
        form = CPDRecordForm(request.POST)
        if not form.is_valid():
            return _render_form(request, form, source_page=source_page, status=400)
        return _save(request, form, None, source_page)
    initial = initial_from_page(source_page, request=request) if source_page else {}
    return _render_form(request, CPDRecordForm(initial=initial), source_page=source_page)


@login_required
def record_edit(request, pk):
    record = owned_record(request, pk)
    if request.method == "POST":
        form = CPDRecordForm(request.POST, instance=record)
        if not form.is_valid():
            return _render_form(request, form, record, status=400)
        return _save(request, form, record, None)
    return _render_form(request, CPDRecordForm(instance=record), record)


@login_required
@require_POST
def record_autosave(request, pk=None):
    """Background save of a draft from the form's script. JSON in and out; drafts only."""
    record = owned_record(request, pk) if pk else None
    if record is not None and record.is_submitted:
        return JsonResponse(
            {"saved": False, "message": "Submitted records are saved when you press “Save changes”."},
            status=409,
        )
    source_page = source_page_for(request.POST.get("source_page")) if record is None else None
    form = CPDRecordForm(request.POST, instance=record)
    if not form.is_valid():
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    try:
        record = services.save_draft(
            member=request.user,
            values=_values(form),
            statements=form.cleaned_data.get("statements"),
            record=record,
            source_page=source_page,
        )
    except ValidationError as error:
        errors = {name: [{"message": text} for text in texts] for name, texts in error.message_dict.items()}
        return JsonResponse({"saved": False, "errors": errors}, status=400)
    return JsonResponse(
        {
            "saved": True,
            "id": record.pk,
            "edit_url": reverse("records:edit", args=[record.pk]),
            "autosave_url": reverse("records:autosave", args=[record.pk]),
            "saved_at": timezone.localtime(record.updated_at).strftime("%H:%M"),
        }
    )


@login_required
def record_delete(request, pk):
    record = owned_record(request, pk)
    if request.method == "POST":
        services.delete_record(member=request.user, record=record)
        messages.success(request, f"“{record.title}” has been deleted, with its evidence files.")
        return redirect("records:list")
    return render(request, "learning_records/cpdrecord_confirm_delete.html", {"record": record})
