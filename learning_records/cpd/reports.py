"""CPD activity by organisation and registration year, for staff. Counts only: the query reads
no record text, and the report never names a member."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from learning_records.cpd import rules
from learning_records.cpd.models import CPDRecord

NO_ORGANISATION = "No organisation given"


@dataclass
class ReportRow:
    organisation: str
    year: int
    members: int = 0
    submitted_records: int = 0
    drafts: int = 0
    hours: Decimal = Decimal("0")
    complete_members: int = 0

    @property
    def year_name(self) -> str:
        return rules.year_name(self.year)

    @property
    def complete_share(self) -> int:
        """Percentage of members recording in the year whose year is complete."""
        return round(100 * self.complete_members / self.members) if self.members else 0


def cpd_activity(
    *, today: datetime.date, organisation_id: int | None = None, no_organisation: bool = False, year=None
) -> list[ReportRow]:
    """One aggregate query (per member and year) rolled up to organisation and year."""
    submitted = Q(status=CPDRecord.Status.SUBMITTED)
    # Counting records are submitted and not dated in the future (see rules.why_not_counting).
    counting = submitted & (Q(end_date__lte=today) | Q(end_date__isnull=True, start_date__lte=today))
    peer = Q(peer_date__isnull=False) & ~Q(peer_role="") & ~Q(peer_learning="")
    records = CPDRecord.objects.filter(registration_year__isnull=False)
    if organisation_id:
        records = records.filter(member__organisation_id=organisation_id)
    elif no_organisation:
        records = records.filter(member__organisation__isnull=True)
    if year:
        records = records.filter(registration_year=year)
    per_member = (
        records.values("member_id", "member__organisation__name", "registration_year")
        .annotate(
            submitted=Count("pk", filter=submitted),
            drafts=Count("pk", filter=~submitted),
            hours=Sum("hours", filter=submitted),
            counting=Count("pk", filter=counting),
            counting_peer=Count("pk", filter=counting & peer),
        )
        .order_by()
    )
    rows: dict[tuple[str, int], ReportRow] = {}
    for item in per_member:
        organisation = item["member__organisation__name"] or NO_ORGANISATION
        key = (organisation, item["registration_year"])
        row = rows.setdefault(key, ReportRow(organisation, item["registration_year"]))
        row.members += 1
        row.submitted_records += item["submitted"]
        row.drafts += item["drafts"]
        row.hours += item["hours"] or Decimal("0")
        row.complete_members += int(rules.is_year_complete(item["counting"], item["counting_peer"]))
    return sorted(rows.values(), key=lambda row: (-row.year, row.organisation.lower()))


CSV_HEADINGS = [
    "Organisation",
    "Registration year",
    "Members recording",
    "Submitted records",
    "Draft records",
    "Hours (submitted)",
    "Members with a complete year",
    "Share complete (%)",
]


def csv_row(row: ReportRow) -> list:
    return [
        row.organisation,
        row.year_name,
        row.members,
        row.submitted_records,
        row.drafts,
        row.hours,
        row.complete_members,
        row.complete_share,
    ]
