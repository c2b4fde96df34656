"""Demo CPD record for practitioner@praxis.example: a complete past year, this year with one
submitted record and one draft, and evidence on one record. Idempotent: records are matched by
member and title."""

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from cms.models import EventPage, Statement
from learning_records.cpd import rules
from learning_records.cpd.models import CPDActivityType, CPDRecord, EvidenceFile, PeerRole
from members.demo import PRACTITIONER_EMAIL
from members.models import User

EMAIL = PRACTITIONER_EMAIL


def _statements(*codes):
    return list(Statement.objects.filter(framework__name__icontains="Social Work England", code__in=codes))


def _records(today):
    this_year = rules.registration_year_of(today)
    last_start, _last_end = rules.year_bounds(this_year - 1)
    this_start, _ = rules.year_bounds(this_year)
    seminar = EventPage.objects.live().filter(title__icontains="Politics of Risk").first()
    return [
        {
            "title": "Systemic practice: working with families' own explanations",
            "activity_type": CPDActivityType.COURSE,
            "start_date": last_start + datetime.timedelta(days=70),
            "end_date": last_start + datetime.timedelta(days=72),
            "hours": Decimal("18"),
            "provider": "Praxis Teaching Partnership",
            "description": "A three-day introduction to systemic ideas, chosen because our team is moving to "
            "a systemic model of practice.",
            "learning": "How circular questions open up a family's own explanation of a problem, rather than "
            "me arriving with one.",
            "impact": "In two assessments I used circular questions with parents and grandparents; "
            "one family said it was the first time they felt heard rather than judged.",
            "peer_role": PeerRole.MANAGER,
            "peer_date": last_start + datetime.timedelta(days=90),
            "peer_learning": "My supervisor pointed out where I slipped back into giving advice; we agreed I "
            "would bring one recorded question to each supervision.",
            "status": CPDRecord.Status.SUBMITTED,
            "codes": ("4.1", "4.4"),
        },
        {
            "title": "Reading: social isolation amongst older people",
            "activity_type": CPDActivityType.READING_RESEARCH,
            "start_date": last_start + datetime.timedelta(days=200),
            "hours": Decimal("3"),
            "provider": "Praxis Teaching Partnership",
            "description": "The partnership's research summary, read before reviewing a care plan.",
            "learning": "Isolation hides behind regular professional visits: contact is not connection.",
            "impact": "I now ask who the person would choose to see, not just who visits, and record it.",
            "status": CPDRecord.Status.SUBMITTED,
            "codes": ("4.2",),
        },
        {
            "title": "The Politics of Risk in Child Protection",
            "activity_type": CPDActivityType.SEMINAR_EVENT,
            "start_date": min(today, this_start + datetime.timedelta(days=40)),
            "hours": Decimal("6"),
            "provider": "Praxis Teaching Partnership",
            "description": "A seminar on how organisational fear of blame shapes risk decisions.",
            "learning": "Defensive practice shows up in what we write down as much as what we do.",
            "impact": "I have started to name uncertainty explicitly in my assessments instead of hiding it.",
            "status": CPDRecord.Status.SUBMITTED,
            "source_page": seminar,
            "codes": ("4.1", "4.5"),
        },
        {
            "title": "Transitional safeguarding: notes from team meeting",
            "activity_type": CPDActivityType.REFLECTIVE_GROUP,
            "start_date": min(today, this_start + datetime.timedelta(days=120)),
            "hours": Decimal("1.5"),
            "description": "Our intervision group discussed a young person turning 18.",
            "status": CPDRecord.Status.DRAFT,
            "codes": (),
        },
    ]


def _certificate_pdf() -> bytes:
    # A small, valid one-page PDF: demo evidence that the file checks accept.
    buffer = io.BytesIO()
    buffer.write(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n")
    buffer.write(b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n")
    buffer.write(b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n")
    buffer.write(b"trailer<</Root 1 0 R>>\n%%EOF\n")
    return buffer.getvalue()


def load(*, stdout):
    member = User.objects.filter(email__iexact=EMAIL).first()
    if member is None:
        stdout.write(f"  CPD demo records skipped: no member {EMAIL} (members demo not loaded).")
        return
    today = timezone.localdate()
    for values in _records(today):
        values = dict(values)
        codes = values.pop("codes")
        record, created = CPDRecord.objects.update_or_create(
            member=member, title=values["title"], defaults=values
        )
        if record.is_submitted and not record.submitted_at:
            record.submitted_at = timezone.now()
            record.save(update_fields=["submitted_at"])
        record.statements.set(_statements(*codes))
        if record.activity_type == CPDActivityType.COURSE and not record.evidence_files.exists():
            evidence = EvidenceFile(
                record=record,
                original_name="certificate-of-attendance.pdf",
                content_type="application/pdf",
                size=len(_certificate_pdf()),
                description="Certificate of attendance",
            )
            evidence.file.save("certificate-of-attendance.pdf", ContentFile(_certificate_pdf()), save=True)
    stdout.write(
        f"  CPD records for {EMAIL}: a complete past year, this year with one submitted and one draft."
    )
