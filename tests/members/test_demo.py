"""members/demo.py: partner organisations and the demo logins the README promises."""

import io

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client

from members import demo
from members.models import Organisation, User, swe_registration_validator

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("email", demo.DEMO_EMAILS)
def test_every_demo_login_works_with_the_demo_password(email):
    load()
    assert Client().login(email=email, password=demo.DEMO_PASSWORD)


def test_the_demo_people_are_who_the_brief_says():
    load()
    people = {user.email: user for user in User.objects.filter(email__in=demo.DEMO_EMAILS)}
    expected = {
        "practitioner@praxis.example": ("Priya Shah", User.Role.PRACTITIONER),
        "aspirant@praxis.example": ("Sam Okafor", User.Role.ASPIRING_PRACTICE_LEADER),
        "mentor@praxis.example": ("Jo Whitfield", User.Role.MENTOR),
        "staff@praxis.example": ("Morgan Price", ""),
        "editor@praxis.example": ("Alex Reid", ""),
        "moderator@praxis.example": ("Rowan Ellis", ""),
    }
    for email, (name, role) in expected.items():
        assert (people[email].get_full_name(), people[email].role) == (name, role)
    assert set(people) == set(demo.DEMO_EMAILS)


def test_practitioners_have_valid_registration_numbers_and_the_mentor_works_elsewhere():
    load()
    practitioners = User.objects.filter(email__in=demo.DEMO_EMAILS).exclude(role="")
    assert practitioners.count() == 3
    for user in practitioners:
        swe_registration_validator(user.swe_registration_number)
        user.full_clean()
    aspirant = User.objects.get(email="aspirant@praxis.example")
    mentor = User.objects.get(email="mentor@praxis.example")
    assert aspirant.organisation != mentor.organisation
    assert {aspirant.organisation.kind, mentor.organisation.kind} == {Organisation.Kind.LOCAL_AUTHORITY}


def test_editor_and_moderator_get_admin_access_through_wagtails_groups():
    # Someone has taken admin access away from Editors: loading the demo puts it back.
    Group.objects.get(name="Editors").permissions.remove(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    load()
    editor = User.objects.get(email="editor@praxis.example")
    moderator = User.objects.get(email="moderator@praxis.example")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert list(moderator.groups.values_list("name", flat=True)) == ["Moderators"]
    for user in (editor, moderator):
        assert user.has_perm("wagtailadmin.access_admin")
        assert not user.is_superuser
    practitioner = User.objects.get(email="practitioner@praxis.example")
    assert not practitioner.has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize(
    ("email", "status"),
    [("editor@praxis.example", 200), ("moderator@praxis.example", 200), ("practitioner@praxis.example", 302)],
)
def test_wagtail_admin_lets_in_only_editors_and_moderators(client, email, status):
    load()
    client.login(email=email, password=demo.DEMO_PASSWORD)
    assert client.get("/admin/").status_code == status


def test_admin_is_a_superuser():
    load()
    admin = User.objects.get(email=demo.ADMIN_EMAIL)
    assert admin.is_superuser and admin.is_staff and admin.has_perm("wagtailadmin.access_admin")


def test_staff_joins_programme_staff_when_the_group_exists():
    group = Group.objects.filter(name=demo.PROGRAMME_STAFF).first() or Group.objects.create(
        name=demo.PROGRAMME_STAFF
    )
    output = load()
    assert group in User.objects.get(email="staff@praxis.example").groups.all()
    assert "no 'Programme staff' group" not in output


def test_staff_is_left_out_with_a_note_while_the_group_does_not_exist():
    Group.objects.filter(name=demo.PROGRAMME_STAFF).delete()
    output = load()
    assert not User.objects.get(email="staff@praxis.example").groups.exists()
    assert "no 'Programme staff' group yet" in output


def test_partner_organisations():
    load()
    partners = Organisation.objects.filter(is_partner=True)
    kinds = [organisation.kind for organisation in partners]
    assert kinds.count(Organisation.Kind.LOCAL_AUTHORITY) >= 4
    assert kinds.count(Organisation.Kind.UNIVERSITY) == 2
    assert Organisation.Kind.VOLUNTARY in kinds
    assert Organisation.objects.filter(is_partner=False).exists()


def test_running_again_resets_passwords_and_duplicates_nothing():
    load()
    counts = (User.objects.count(), Organisation.objects.count(), Group.objects.count())
    practitioner = User.objects.get(email="practitioner@praxis.example")
    practitioner.set_password("someone-changed-it-2026")
    practitioner.save()

    load()

    assert (User.objects.count(), Organisation.objects.count(), Group.objects.count()) == counts
    assert Client().login(email="practitioner@praxis.example", password=demo.DEMO_PASSWORD)
    assert User.objects.get(email="editor@praxis.example").groups.count() == 1


def test_an_existing_account_with_different_case_is_reused():
    User.objects.create_user(email="Practitioner@Praxis.example", password="x-y-z-2026-long", first_name="P")
    load()
    assert User.objects.filter(email__iexact="practitioner@praxis.example").count() == 1


@pytest.mark.skipif(not apps.is_installed("allauth.account"), reason="django-allauth is not installed")
def test_demo_addresses_are_verified_for_allauth():
    load()
    EmailAddress = apps.get_model("account", "EmailAddress")  # noqa: N806
    for email in demo.DEMO_EMAILS:
        assert EmailAddress.objects.get(email__iexact=email).verified
