"""The programme completion kind: each refusal, what it prints, and the PDF read back."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import ActivityType
from learning_records.certificates.kinds import get_kind
from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate
from learning_records.programme import services
from learning_records.programme.models import ProgrammeDay, ServiceProjectAgreement
from learning_records.programme.rules import long_date
from learning_records.programme.services import project
from tests.learning_records.completion_fixtures import (
    complete,
    log_required_days,
    manager_agrees,
    mentor_agrees,
    propose_plan,
)
from tests.learning_records.pdf_tools import pdf_text
from tests.learning_records.programme_factories import EnrolmentFactory, ProgrammeDayFactory, days_ago

pytestmark = pytest.mark.django_db


def problems(enrolment, recipient=None):
    with pytest.raises(ValidationError) as refused:
        issue_certificate(
            kind="programme_completion",
            recipient=recipient or enrolment.aspirant,
            params={"enrolment": enrolment.pk},
        )
    assert not Certificate.objects.exists()
    return refused.value.messages


def test_is_registered_for_members():
    kind = get_kind("programme_completion")
    assert kind.name == "Programme completion"
    assert kind.member_can_request


@pytest.mark.parametrize("value", ["", "abc", None])
def test_clean_params_wants_an_enrolment_number(value):
    with pytest.raises(ValidationError, match="Choose one of your programme enrolments"):
        get_kind("programme_completion").clean_params({"enrolment": value})


def test_clean_params():
    assert get_kind("programme_completion").clean_params({"enrolment": "12"}) == {"enrolment": 12}


def test_nothing_done_lists_every_requirement_and_the_plan(enrolment):
    assert problems(enrolment) == [
        "Residential: 0 of 2 days confirmed by your mentor.",
        "Seminar: 0 of 8 days confirmed by your mentor.",
        "Day in the mentor's authority: 0 of 3 days confirmed by your mentor.",
        "Mentor day in own authority: 0 of 1 day confirmed by your mentor.",
        "Your service development project has no plan yet: propose it, and your mentor and your "
        "manager are asked to agree it.",
    ]


@pytest.mark.parametrize(
    ("activity", "message"),
    [
        (ActivityType.RESIDENTIAL, "Residential: 0 of 2 days confirmed by your mentor."),
        (ActivityType.SEMINAR, "Seminar: 0 of 8 days confirmed by your mentor."),
        (
            ActivityType.MENTOR_AUTHORITY_DAY,
            "Day in the mentor's authority: 0 of 3 days confirmed by your mentor.",
        ),
        (ActivityType.MENTOR_VISIT_DAY, "Mentor day in own authority: 0 of 1 day confirmed by your mentor."),
    ],
)
def test_each_requirement_short(enrolment, activity, message):
    log_required_days(enrolment, skip=activity)
    version = propose_plan(enrolment)
    mentor_agrees(enrolment, version)
    manager_agrees(version)
    assert problems(enrolment) == [message]


def test_days_not_yet_confirmed_by_the_mentor_do_not_count(enrolment):
    complete(enrolment)
    days = ProgrammeDay.objects.filter(enrolment=enrolment, activity_type=ActivityType.MENTOR_AUTHORITY_DAY)
    days.filter(pk__in=list(days.values_list("pk", flat=True)[:2])).update(status=ProgrammeDay.Status.LOGGED)
    ProgrammeDayFactory(
        enrolment=enrolment,
        activity_type=ActivityType.SEMINAR,
        date=days_ago(2),
        status=ProgrammeDay.Status.QUERIED,
        query_comment="Which seminar was this?",
    )
    assert problems(enrolment) == [
        "Day in the mentor's authority: 1 of 3 days confirmed by your mentor "
        "(2 days waiting for their confirmation)."
    ]


def test_mentor_has_not_agreed(enrolment):
    log_required_days(enrolment)
    version = propose_plan(enrolment)
    manager_agrees(version)
    assert problems(enrolment) == [
        "Your mentor has not yet agreed version 1 of your service development project "
        "(“Redesigning the front door”)."
    ]


def test_manager_has_not_agreed(enrolment):
    log_required_days(enrolment)
    version = propose_plan(enrolment)
    mentor_agrees(enrolment, version)
    assert problems(enrolment) == [
        "Your manager has not yet agreed version 1 of your service development project "
        "(“Redesigning the front door”)."
    ]


def test_aspirant_has_not_agreed_the_current_version(enrolment):
    # Agreements belong to a version: the aspirant's is the one we remove from the current one.
    log_required_days(enrolment)
    version = propose_plan(enrolment)
    mentor_agrees(enrolment, version)
    manager_agrees(version)
    ServiceProjectAgreement.objects.filter(version=version, party="aspirant").delete()
    assert problems(enrolment) == [
        "You have not yet agreed version 1 of your service development project "
        "(“Redesigning the front door”)."
    ]


def test_a_changed_plan_needs_agreeing_again(enrolment):
    complete(enrolment)
    propose_plan(enrolment, title="Redesigning the front door, with schools")
    assert problems(enrolment) == [
        "Your mentor has not yet agreed version 2 of your service development project "
        "(“Redesigning the front door, with schools”).",
        "Your manager has not yet agreed version 2 of your service development project "
        "(“Redesigning the front door, with schools”).",
    ]


def test_mentor_asked_for_changes(enrolment):
    log_required_days(enrolment)
    version = propose_plan(enrolment)
    project.mentor_decides(
        enrolment=enrolment,
        mentor=enrolment.mentor,
        version_number=version.number,
        decision="changes_requested",
        comment="Say how you will measure it.",
    )
    manager_agrees(version)
    assert problems(enrolment) == [
        "Your mentor has asked for changes to version 1 of your service development project "
        "(“Redesigning the front door”)."
    ]


def test_withdrawn_enrolment_is_refused(enrolment):
    complete(enrolment)
    services.end_enrolment(enrolment=enrolment, status="withdrawn", on=days_ago(1))
    assert problems(enrolment) == [
        f"You withdrew from the programme on {long_date(days_ago(1))}, "
        "so it cannot be certified as completed."
    ]


def test_another_members_enrolment_is_not_found_and_prints_nothing(enrolment, stranger):
    complete(enrolment)
    assert problems(enrolment, recipient=stranger) == [
        "We could not find that programme enrolment among yours."
    ]
    with pytest.raises(ValidationError):
        get_kind("programme_completion").content(stranger, enrolment=enrolment.pk)


def test_mentor_cannot_take_the_aspirants_certificate(enrolment):
    complete(enrolment)
    assert problems(enrolment, recipient=enrolment.mentor) == [
        "We could not find that programme enrolment among yours."
    ]


def test_issues_with_facts_and_requirements_table(enrolment):
    complete(enrolment)
    certificate = issue_certificate(
        kind="programme_completion", recipient=enrolment.aspirant, params={"enrolment": enrolment.pk}
    )
    assert certificate.subject_key == f"enrolment:{enrolment.pk}"
    assert certificate.title == "Certificate of programme completion"
    facts = {fact["label"]: fact["value"] for fact in certificate.snapshot["facts"]}
    today = long_date(timezone.localdate())
    assert facts == {
        "Cohort": enrolment.cohort.name,
        "Service project": "Redesigning the front door",
        "Agreed by": f"{enrolment.aspirant.display_name} (aspirant), {today}; "
        f"{enrolment.mentor.display_name} (mentor), {today}; Dana Marsh (manager), {today}",
    }
    (table,) = certificate.snapshot["tables"]
    assert [c["label"] for c in table["columns"]] == ["Activity", "Days confirmed", "Required"]
    assert table["rows"] == [
        ["Residential", "2", "2"],
        ["Seminar", "8", "8"],
        ["Day in the mentor's authority", "3", "3"],
        ["Mentor day in own authority", "1", "1"],
        ["Ofsted inspection exercise", "0", "Optional"],
        ["Service development project", "0", "Optional"],
    ]
    text = pdf_text(certificate.pdf.open("rb").read())
    for expected in (
        enrolment.aspirant.get_full_name(),
        certificate.serial,
        certificate.verification_url,
        f"completed the preparatory phase of the {enrolment.cohort.programme.title}",
        "Redesigning the front door",
        # Each row of the table prints as one line, its first cell leading.
        "Residential · Days confirmed: 2 · Required: 2",
        "Ofsted inspection exercise · Days confirmed: 0 · Required: Optional",
    ):
        assert expected in text


def test_completed_enrolment_can_still_be_certified(enrolment):
    complete(enrolment)
    services.end_enrolment(enrolment=enrolment, status="completed", on=days_ago(1))
    certificate = issue_certificate(
        kind="programme_completion", recipient=enrolment.aspirant, params={"enrolment": enrolment.pk}
    )
    assert certificate.status == Certificate.Status.VALID


def test_each_aspirant_sees_only_their_own_enrolment():
    mine, theirs = EnrolmentFactory(), EnrolmentFactory()
    complete(theirs)
    assert problems(theirs, recipient=mine.aspirant) == [
        "We could not find that programme enrolment among yours."
    ]
