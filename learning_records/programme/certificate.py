"""Programme completion: the preparatory phase of a programme, done and confirmed.

The rule: every preparatory requirement on the programme page met with days the mentor has
confirmed (progress from `programme.selectors`), and the current version of the service
development project agreed by the aspirant, the mentor and the manager. The enrolment is always
looked up among the recipient's own, so another member's enrolment id is simply "not found".
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import Phase
from learning_records.certificates.kinds import (
    CertificateContent,
    CertificateKind,
    Column,
    Fact,
    Table,
    register_kind,
)
from learning_records.programme import rules
from learning_records.programme.models import Enrolment, ServiceProject, ServiceProjectVersion
from learning_records.programme.selectors import RequirementProgress, enrolment_progress

NOT_FOUND = "We could not find that programme enrolment among yours."
PARTY_LABELS = {rules.ASPIRANT: "aspirant", rules.MENTOR: "mentor", rules.MANAGER: "manager"}


def _number(value) -> str:
    return f"{value.normalize():f}"


class ProgrammeCompletionKind(CertificateKind):
    code = "programme_completion"
    name = "Programme completion"
    member_can_request = True
    achievement_description = (
        "Completed the preparatory phase of a Praxis practice leadership programme: every "
        "required activity confirmed by a mentor, and a service development project agreed by "
        "the aspirant, the mentor and the aspirant's manager."
    )
    criteria = (
        "Meet every requirement of the programme's preparatory phase with days confirmed by the "
        "mentor, and have the service development project agreed by the aspirant, the mentor and "
        "the aspirant's manager."
    )

    def clean_params(self, data: Mapping[str, Any]) -> dict[str, Any]:
        try:
            return {"enrolment": int(str(data.get("enrolment", "")).strip())}
        except ValueError:
            raise ValidationError("Choose one of your programme enrolments.", code="bad_enrolment") from None

    # get(), not first(): one row at most either way, and first() orders the query, whose
    # compiling was a third of building the certificate's content.
    def _enrolment(self, recipient, pk) -> Enrolment | None:
        try:
            return Enrolment.objects.for_aspirant(recipient).select_related("cohort__programme").get(pk=pk)
        except Enrolment.DoesNotExist:
            return None

    def _plan(self, enrolment: Enrolment) -> ServiceProjectVersion | None:
        try:
            project = (
                ServiceProject.objects.select_related("current_version")
                .prefetch_related("current_version__agreements")
                .get(enrolment=enrolment)
            )
        except ServiceProject.DoesNotExist:
            return None
        return project.current_version

    def _preparatory(self, enrolment: Enrolment) -> list[RequirementProgress]:
        return enrolment_progress(enrolment).get(Phase.PREPARATORY, [])

    def missing(self, recipient, *, enrolment, **params) -> list[str]:
        found = self._enrolment(recipient, enrolment)
        if found is None:
            return [NOT_FOUND]
        if found.status == Enrolment.Status.WITHDRAWN:
            when = f" on {rules.long_date(found.ended_on)}" if found.ended_on else ""
            return [f"You withdrew from the programme{when}, so it cannot be certified as completed."]
        missing = []
        for row in self._preparatory(found):
            progress = row.progress
            if not row.requirement.min_days or progress.is_confirmed:
                continue
            message = (
                f"{row.label}: {_number(progress.confirmed)} of {rules.format_days(progress.min_days)} "
                "confirmed by your mentor"
            )
            if progress.waiting:
                message += f" ({rules.format_days(progress.waiting)} waiting for their confirmation)"
            missing.append(message + ".")
        plan = self._plan(found)
        if plan is None:
            missing.append(
                "Your service development project has no plan yet: propose it, and your mentor "
                "and your manager are asked to agree it."
            )
        else:
            decisions = {agreement.party: agreement.decision for agreement in plan.agreements.all()}
            for party in rules.PARTIES:
                decision = decisions.get(party)
                if decision == rules.AGREED:
                    continue
                who = "You have" if party == rules.ASPIRANT else f"Your {PARTY_LABELS[party]} has"
                what = "asked for changes to" if decision == rules.CHANGES_REQUESTED else "not yet agreed"
                missing.append(
                    f"{who} {what} version {plan.number} of your service development project "
                    f"(“{plan.title}”)."
                )
        return missing

    def content(self, recipient, *, enrolment, **params) -> CertificateContent:
        found = self._enrolment(recipient, enrolment)
        if found is None:  # `missing` refuses first; never print anything for another member
            raise ValidationError(NOT_FOUND)
        programme = found.cohort.programme
        plan = self._plan(found)
        agreements = {agreement.party: agreement for agreement in plan.agreements.all()} if plan else {}
        agreed_by = "; ".join(
            f"{agreements[party].name} ({PARTY_LABELS[party]}), "
            f"{rules.long_date(timezone.localdate(agreements[party].decided_at))}"
            for party in rules.PARTIES
            if party in agreements
        )
        rows = [
            [
                row.label,
                _number(row.progress.confirmed),
                _number(row.progress.min_days) if row.requirement.min_days else "Optional",
            ]
            for row in self._preparatory(found)
        ]
        return CertificateContent(
            title="Certificate of programme completion",
            recipient_name=recipient.get_full_name(),
            statement=(
                f"completed the preparatory phase of the {programme.title}, with every requirement "
                "confirmed by their mentor and a service development project agreed by the aspirant, "
                "the mentor and the aspirant's manager."
            ),
            subject_key=f"enrolment:{found.pk}",
            # The statement names the programme and the phase; facts do not print them again.
            facts=[
                Fact("Cohort", found.cohort.name),
                Fact("Service project", plan.title if plan else ""),
                Fact("Agreed by", agreed_by),
            ],
            tables=[
                Table(
                    caption="Preparatory phase: days confirmed by the mentor",
                    columns=[
                        Column("Activity"),
                        Column("Days confirmed", numeric=True),
                        Column("Required", numeric=True),
                    ],
                    rows=rows,
                )
            ],
        )


register_kind(ProgrammeCompletionKind())
