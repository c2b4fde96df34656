"""Evidence files (upload, owner-only download, delete) and the CSV export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from learning_records.cpd import rules, services
from learning_records.cpd.exports import csv_lines, records_for_export
from learning_records.cpd.forms import EvidenceForm
from learning_records.cpd.models import CPDRecord, EvidenceFile

from .records import owned_record


def _owned_evidence(request, pk, evidence_pk) -> EvidenceFile:
    return get_object_or_404(
        EvidenceFile.objects.select_related("record").filter(
            record__in=CPDRecord.objects.for_member(request.user)
        ),
        pk=evidence_pk,
        record_id=pk,
    )


@login_required
@require_POST
def evidence_add(request, pk):
    record = owned_record(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            evidence = services.add_evidence(
                member=request.user,
                record=record,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"“{evidence.original_name}” is attached to this record.")
            return redirect("records:detail", pk=record.pk)
    return render(
        request, "learning_records/evidence_form.html", {"record": record, "form": form}, status=400
    )


@login_required
def evidence_download(request, pk, evidence_pk):
    evidence = _owned_evidence(request, pk, evidence_pk)
    try:
        handle = evidence.file.open("rb")
    except OSError as error:
        raise Http404("The file is missing") from error
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def evidence_delete(request, pk, evidence_pk):
    evidence = _owned_evidence(request, pk, evidence_pk)
    if request.method == "POST":
        services.delete_evidence(member=request.user, evidence=evidence)
        messages.success(request, f"“{evidence.original_name}” has been removed.")
        return redirect("records:detail", pk=pk)
    return render(request, "learning_records/evidence_confirm_delete.html", {"evidence": evidence})


@login_required
def export_csv(request):
    records = CPDRecord.objects.for_member(request.user)
    year = rules.parse_year_name(request.GET.get("year", ""))
    suffix = "all-years"
    if year:
        records = records.in_registration_year(year)
        suffix = rules.year_name(year)
    records = records_for_export(records.order_by("registration_year", "start_date", "pk"))
    response = StreamingHttpResponse(
        csv_lines(records.iterator(chunk_size=500), request=request), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="praxis-cpd-{suffix}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
