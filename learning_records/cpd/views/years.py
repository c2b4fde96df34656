"""A registration year: its compliance meter, records, standards coverage and printable form."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from learning_records.certificates.selectors import standing_certificate
from learning_records.cpd import rules, selectors
from learning_records.cpd.models import CPDRecord

from .records import mark_counting


def _year_or_404(name: str) -> int:
    year = rules.parse_year_name(name)
    if year is None:
        raise Http404("Not a registration year")
    return year


def _year_records(request, year):
    return list(
        CPDRecord.objects.for_member(request.user)
        .touching_registration_year(year)
        .for_listing()
        .order_by("start_date", "end_date", "pk")
    )


@login_required
def year_detail(request, year):
    year = _year_or_404(year)
    today = timezone.localdate()
    records = mark_counting(_year_records(request, year), today, year=year)
    summary = selectors.year_summary(member=request.user, year=year, today=today)
    return render(
        request,
        "learning_records/year_detail.html",
        {
            "summary": summary,
            # The CPD statement (learning_records/certificates/cpd_statement.py): offered once
            # a record counts; once issued, the page links to it instead.
            "statement": standing_certificate(
                kind="cpd_statement", recipient=request.user, subject_key=f"year:{summary.name}"
            )
            if summary.counting_records
            else None,
            "counting": [r for r in records if r.not_counting_reason is None],
            "not_counting": [r for r in records if r.not_counting_reason is not None],
            "coverage": selectors.standards_coverage(member=request.user, year=year, today=today),
            "previous_year": rules.year_name(year - 1),
            "next_year": rules.year_name(year + 1),
        },
    )


@login_required
def year_print(request, year):
    """The year's submitted records laid out like the Social Work England form, to copy across."""
    year = _year_or_404(year)
    today = timezone.localdate()
    records = (
        CPDRecord.objects.for_member(request.user)
        .in_registration_year(year)
        .submitted()
        .prefetch_related("statements__framework")
        .order_by("start_date", "end_date", "pk")
    )
    return render(
        request,
        "learning_records/year_print.html",
        {"summary": selectors.year_summary(member=request.user, year=year, today=today), "records": records},
    )


@login_required
def standards(request):
    today = timezone.localdate()
    year = rules.parse_year_name(request.GET.get("year", "")) or rules.registration_year_of(today)
    return render(
        request,
        "learning_records/standards_coverage.html",
        {
            "year_name": rules.year_name(year),
            "coverage": selectors.standards_coverage(member=request.user, year=year, today=today),
            "year_choices": [
                rules.year_name(y) for y in selectors.year_summaries(member=request.user, today=today)
            ],
        },
    )
