"""The CPD statement: a member's submitted CPD records for one registration year.

Which records count is decided by the CPD rules (`cpd.rules.why_not_counting`): submitted,
dated in the year (by the day the activity ended), and not in the future. Drafts and records
that count towards another year are left out, exactly as on the member's year page.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from learning_records.certificates.kinds import (
    Alignment,
    CertificateContent,
    CertificateKind,
    Column,
    Fact,
    Table,
    register_kind,
)
from learning_records.common.links import absolute_url
from learning_records.cpd import rules
from learning_records.cpd import selectors as cpd_selectors
from learning_records.cpd.models import CPDRecord


def _hours(value: Decimal | None) -> str:
    return f"{(value or Decimal(0)).normalize():f}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class CpdStatementKind(CertificateKind):
    code = "cpd_statement"
    name = "CPD statement"
    pdf_template = "learning_records/pdf/cpd_statement.html"
    member_can_request = True
    achievement_description = (
        "A statement of the continuing professional development a social worker recorded and "
        "submitted in one Social Work England registration year."
    )
    criteria = (
        "At least one submitted CPD record dated in the registration year (1 December to 30 November), "
        "following the Social Work England CPD form."
    )

    def clean_params(self, data: Mapping[str, Any]) -> dict[str, Any]:
        name = str(data.get("year") or "").strip()
        year = rules.parse_year_name(name)
        if year is None:
            shown = f"“{name}”" if name else "That"
            raise ValidationError(
                f"{shown} is not a registration year. Give a year like 2025-26 "
                "(1 December 2025 to 30 November 2026).",
                code="bad_year",
            )
        return {"year": rules.year_name(year)}

    def _year(self, name: str) -> int:
        year = rules.parse_year_name(name)
        if year is None:  # params are stored; a hand-edited or old row must still refuse plainly
            raise ValidationError(f"“{name}” is not a registration year.", code="bad_year")
        return year

    def missing(self, recipient, *, year: str, **params) -> list[str]:
        number = self._year(year)
        summary = cpd_selectors.year_summary(member=recipient, year=number)
        if summary.counting_records:
            return []
        message = (
            f"You have no submitted CPD records dated in {summary.name} "
            f"({rules.long_date(summary.start)} to {rules.long_date(summary.end)}), "
            "so there is nothing for a statement to list."
        )
        if summary.drafts:
            message += f" You have {_plural(summary.drafts, 'draft')} in that year: submit them first."
        elif summary.not_counting:
            message += " The records shown in that year do not count towards it; your year page says why."
        return [message]

    def counting_records(self, recipient, year: int) -> list[CPDRecord]:
        """The submitted records that count towards `year`: three queries, however many there are."""
        today = timezone.localdate()
        records = (
            CPDRecord.objects.for_member(recipient)
            .in_registration_year(year)
            .submitted()
            .prefetch_related("statements__framework")
            .order_by("start_date", "end_date", "pk")
        )
        return [r for r in records if rules.why_not_counting(r.facts(), year, today) is None]

    def content(self, recipient, *, year: str, **params) -> CertificateContent:
        number = self._year(year)
        name = rules.year_name(number)
        start, end = rules.year_bounds(number)
        records = self.counting_records(recipient, number)
        total_hours = sum((r.hours or Decimal(0) for r in records), Decimal(0))
        peer_count = sum(1 for r in records if r.has_peer_reflection)

        statements = {}
        rows = []
        for record in records:
            evidenced = sorted(record.statements.all(), key=lambda s: (s.framework.name, s.sort_order, s.pk))
            for statement in evidenced:
                statements[statement.pk] = statement
            rows.append(
                [
                    rules.long_date(record.activity_date),
                    record.title,
                    record.get_activity_type_display(),
                    _hours(record.hours),
                    ", ".join(s.code for s in evidenced) or "None",
                    "Yes" if record.has_peer_reflection else "No",
                ]
            )
        fallback_url = absolute_url("/")
        alignments = [
            Alignment.from_statement(statement, fallback_url=fallback_url)
            for statement in sorted(
                statements.values(), key=lambda s: (s.framework.name, s.framework_id, s.sort_order, s.pk)
            )
        ]
        return CertificateContent(
            title="CPD statement",
            recipient_name=recipient.get_full_name(),
            statement=(
                f"recorded and submitted {_plural(len(records), 'piece')} of continuing professional "
                f"development, {_hours(total_hours)} hours in all, in the Social Work England "
                f"registration year {name}."
            ),
            subject_key=f"year:{name}",
            facts=[
                Fact("Registration number", recipient.swe_registration_number or "Not given"),
                Fact("Registration year", f"{name} ({rules.long_date(start)} to {rules.long_date(end)})"),
                Fact("Records", str(len(records))),
                Fact("Total hours", _hours(total_hours)),
                Fact("Peer-reflected", f"{peer_count} of {len(records)}"),
            ],
            tables=[
                Table(
                    caption=f"Submitted CPD records, {rules.long_date(start)} to {rules.long_date(end)}",
                    columns=[
                        Column("Date"),
                        Column("Title"),
                        Column("Type"),
                        Column("Hours", numeric=True),
                        Column("Standards"),
                        Column("Peer reflection"),
                    ],
                    rows=rows,
                    footer=[
                        "Total",
                        _plural(len(records), "record"),
                        "",
                        _hours(total_hours),
                        "",
                        f"{peer_count} peer-reflected",
                    ],
                )
            ],
            alignments=alignments,
        )


register_kind(CpdStatementKind())
