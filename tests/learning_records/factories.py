import datetime
from decimal import Decimal

import factory

from learning_records.cpd.models import CPDActivityType, CPDRecord, PeerRole
from tests.members.factories import UserFactory


class CPDRecordFactory(factory.django.DjangoModelFactory):
    """A complete, submitted record dated 10 March 2026 (registration year 2025-26)."""

    class Meta:
        model = CPDRecord
        skip_postgeneration_save = True

    member = factory.SubFactory(UserFactory)
    status = CPDRecord.Status.SUBMITTED
    activity_type = CPDActivityType.SEMINAR_EVENT
    title = factory.Sequence(lambda n: f"Seminar on risk {n}")
    description = "A seminar on the politics of risk in child protection."
    start_date = datetime.date(2026, 3, 10)
    hours = Decimal("3")
    provider = "Praxis Teaching Partnership"
    learning = "How fear of blame shapes decisions."
    impact = "I now name uncertainty in my assessments."
    submitted_at = factory.LazyFunction(lambda: datetime.datetime(2026, 3, 11, tzinfo=datetime.UTC))

    class Params:
        draft = factory.Trait(status=CPDRecord.Status.DRAFT, submitted_at=None)
        with_peer = factory.Trait(
            peer_role=PeerRole.MANAGER,
            peer_date=factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=7)),
            peer_learning="My supervisor helped me see the family's view.",
        )
