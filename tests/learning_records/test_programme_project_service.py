"""The service development project: versions, the three agreements, and the manager's link."""

import datetime
import time

import pytest

from django.core import signing
from django.core.exceptions import ValidationError

from learning_records.programme import services, tokens
from learning_records.programme.models import ServiceProjectAgreement, ServiceProjectVersion
from learning_records.programme.services import project
from tests.learning_records.programme_factories import EnrolmentFactory, days_ago

pytestmark = pytest.mark.django_db

AGREED = ServiceProjectAgreement.Decision.AGREED
CHANGES = ServiceProjectAgreement.Decision.CHANGES_REQUESTED


def plan(enrolment, **overrides):
    values = {
        "title": "Redesigning the front door",
        "aim": "Fewer repeat referrals to children's services.",
        "need": "One in four referrals is a repeat within a year.",
        "planned_outcomes": "Repeat referrals fall by a fifth.",
        "milestones": [
            project.MilestoneInput(title="Scoping with the MASH", due_on=datetime.date(2026, 5, 1)),
            project.MilestoneInput(title="Pilot", due_on=datetime.date(2026, 9, 1)),
        ],
    }
    return project.save_plan(enrolment=enrolment, user=enrolment.aspirant, **{**values, **overrides})


def agree_all(enrolment, version):
    project.mentor_decides(
        enrolment=enrolment, mentor=enrolment.mentor, version_number=version.number, decision=AGREED
    )
    project.manager_decides(token=tokens.make_manager_token(version), decision=AGREED)
    version.refresh_from_db()
    return version


def test_proposing_records_the_aspirants_agreement_and_waits_for_the_others(enrolment):
    version, is_new = plan(enrolment)
    assert is_new
    assert version.number == 1
    assert version.status == "awaiting"
    (agreement,) = version.agreements.all()
    assert (agreement.party, agreement.decision, agreement.user) == ("aspirant", AGREED, enrolment.aspirant)
    assert agreement.name == enrolment.aspirant.display_name
    assert agreement.decided_at is not None


def test_the_plan_is_agreed_when_all_three_agree(enrolment):
    version, _ = plan(enrolment)
    project.mentor_decides(enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision=AGREED)
    version.refresh_from_db()
    assert version.status == "awaiting"
    agreement = project.manager_decides(token=tokens.make_manager_token(version), decision=AGREED)
    assert agreement.name == enrolment.manager_name
    assert agreement.user is None
    version.refresh_from_db()
    assert version.status == "agreed"


def test_an_edit_after_agreement_starts_a_new_version_that_needs_agreeing_again(enrolment):
    first, _ = plan(enrolment)
    first = agree_all(enrolment, first)
    assert first.status == "agreed"
    second, is_new = plan(enrolment, aim="Fewer repeat referrals, and quicker help.")
    assert is_new
    assert second.number == 2
    assert second.status == "awaiting"
    assert [a.party for a in second.agreements.all()] == ["aspirant"]
    first.refresh_from_db()
    assert first.status == "superseded"
    # The history keeps the first version and its three agreements.
    assert first.aim == "Fewer repeat referrals to children's services."
    assert first.agreements.count() == 3
    assert second.project.current_version == second
    second = agree_all(enrolment, second)
    assert second.status == "agreed"


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Redesigning the front door, again"},
        {"need": "Half of referrals are repeats."},
        {"planned_outcomes": "Repeat referrals halve."},
        {
            "milestones": [
                project.MilestoneInput(title="Scoping with the MASH", due_on=datetime.date(2026, 6, 1))
            ]
        },
    ],
)
def test_any_edit_to_the_agreed_plan_is_a_new_version(enrolment, change):
    agree_all(enrolment, plan(enrolment)[0])
    version, is_new = plan(enrolment, **change)
    assert is_new and version.number == 2


def test_milestone_progress_alone_keeps_the_agreed_version(enrolment):
    version = agree_all(enrolment, plan(enrolment)[0])
    same, is_new = plan(
        enrolment,
        milestones=[
            project.MilestoneInput(
                title="Scoping with the MASH", due_on=datetime.date(2026, 5, 1), status="done"
            ),
            project.MilestoneInput(title="Pilot", due_on=datetime.date(2026, 9, 1), status="in_progress"),
        ],
    )
    assert not is_new
    assert same.pk == version.pk
    assert same.status == "agreed"
    assert [m.status for m in same.milestones.all()] == ["done", "in_progress"]


def test_asking_for_changes_needs_a_comment_and_stops_agreement(enrolment):
    version, _ = plan(enrolment)
    with pytest.raises(ValidationError):
        project.mentor_decides(
            enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision=CHANGES
        )
    project.mentor_decides(
        enrolment=enrolment,
        mentor=enrolment.mentor,
        version_number=1,
        decision=CHANGES,
        comment="Add a milestone.",
    )
    version.refresh_from_db()
    assert version.status == "changes_requested"


def test_the_mentor_decides_once_per_version_and_only_on_the_current_one(enrolment):
    plan(enrolment)
    project.mentor_decides(enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision=AGREED)
    with pytest.raises(ValidationError):
        project.mentor_decides(
            enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision=AGREED
        )
    plan(enrolment, title="A new title")
    with pytest.raises(ValidationError) as error:
        project.mentor_decides(
            enrolment=enrolment, mentor=enrolment.mentor, version_number=1, decision=AGREED
        )
    assert "changed since you opened it" in error.value.messages[0]


def test_only_the_aspirant_proposes_and_only_while_active(enrolment):
    with pytest.raises(ValidationError):
        project.save_plan(
            enrolment=enrolment,
            user=enrolment.mentor,
            title="x",
            aim="x",
            need="x",
            planned_outcomes="x",
            milestones=[project.MilestoneInput(title="x", due_on=datetime.date(2026, 5, 1))],
        )
    with pytest.raises(ValidationError):
        plan(enrolment, milestones=[])
    services.end_enrolment(enrolment=enrolment, status="withdrawn", on=days_ago(1))
    with pytest.raises(ValidationError):
        plan(enrolment)


# The manager's link ------------------------------------------------------------------------


def refused(token, *, gone):
    with pytest.raises(tokens.LinkRefused) as error:
        tokens.version_for_token(token)
    assert error.value.gone is gone
    return error.value.message


def test_the_link_works_for_its_version(enrolment):
    version, _ = plan(enrolment)
    assert tokens.version_for_token(tokens.make_manager_token(version)) == version


def test_the_link_is_refused_after_use(enrolment):
    version, _ = plan(enrolment)
    token = tokens.make_manager_token(version)
    project.manager_decides(token=token, decision=AGREED)
    assert "already responded" in refused(token, gone=True)
    with pytest.raises(tokens.LinkRefused):
        project.manager_decides(token=token, decision=AGREED)
    assert ServiceProjectAgreement.objects.filter(version=version, party="manager").count() == 1


def token_made_days_ago(version, days, monkeypatch):
    now = time.time()
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: now - days * 86400)
        return tokens.make_manager_token(version)


def test_the_link_is_refused_after_expiry(enrolment, settings, monkeypatch):
    settings.PROGRAMME_AGREEMENT_LINK_DAYS = 14
    version, _ = plan(enrolment)
    assert tokens.version_for_token(token_made_days_ago(version, 13, monkeypatch)) == version
    assert "expired" in refused(token_made_days_ago(version, 15, monkeypatch), gone=True)


@pytest.mark.parametrize(
    "alter",
    [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x" + t, lambda t: t.replace(":", ".", 1)],
)
def test_the_link_is_refused_when_altered(enrolment, alter):
    version, _ = plan(enrolment)
    assert refused(alter(tokens.make_manager_token(version)), gone=False) == "This link is not valid."


def test_a_link_for_one_project_does_not_work_for_another(enrolment):
    version, _ = plan(enrolment)
    other = EnrolmentFactory(cohort=enrolment.cohort)
    other_version, _ = plan(other)
    # Even signed with the site's key, a payload naming another project fails its nonce.
    forged = signing.dumps(
        {"p": other_version.project_id, "v": 1, "n": version.manager_nonce}, salt=tokens.TOKEN_SALT
    )
    refused(forged, gone=False)
    with pytest.raises(tokens.LinkRefused):
        project.manager_decides(token=forged, decision=AGREED)
    assert not ServiceProjectAgreement.objects.filter(version=other_version, party="manager").exists()


def test_a_signed_value_made_for_something_else_is_refused(enrolment):
    version, _ = plan(enrolment)
    payload = {"p": version.project_id, "v": version.number, "n": version.manager_nonce}
    refused(signing.dumps(payload, salt="another.purpose"), gone=False)
    refused(signing.dumps(payload), gone=False)


def test_the_link_for_an_old_version_is_refused(enrolment):
    version, _ = plan(enrolment)
    token = tokens.make_manager_token(version)
    plan(enrolment, title="Redesigning the front door, second go")
    assert "changed since this link was sent" in refused(token, gone=True)


def test_resending_replaces_the_earlier_link(enrolment):
    version, _ = plan(enrolment)
    old_token = tokens.make_manager_token(version)
    project.resend_manager_link(enrolment=enrolment, user=enrolment.aspirant)
    version.refresh_from_db()
    refused(old_token, gone=False)
    assert tokens.version_for_token(tokens.make_manager_token(version)) == version


def test_resending_after_the_manager_responded_is_refused(enrolment):
    version, _ = plan(enrolment)
    project.manager_decides(token=tokens.make_manager_token(version), decision=AGREED)
    with pytest.raises(ValidationError):
        project.resend_manager_link(enrolment=enrolment, user=enrolment.aspirant)


def test_versions_are_numbered_per_project(enrolment):
    plan(enrolment)
    plan(enrolment, title="Second")
    plan(enrolment, title="Third")
    assert list(
        ServiceProjectVersion.objects.filter(project__enrolment=enrolment).values_list("number", "status")
    ) == [
        (3, "awaiting"),
        (2, "superseded"),
        (1, "superseded"),
    ]
