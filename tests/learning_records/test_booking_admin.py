"""Staff find and export bookings in the Wagtail admin; nobody edits them there."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from learning_records.bookings import services
from tests.learning_records.booking_fixtures import practitioner
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bookings(cohort, seminar, north, west):
    made = {
        "north": services.book(
            member=practitioner(north, first_name="Nia", last_name="North"), cohort=cohort
        ),
        "west": services.book(member=practitioner(west, first_name="Wes", last_name="West"), cohort=cohort),
        "seminar": services.book(
            member=practitioner(north, first_name="Sem", last_name="Inar"), event=seminar
        ),
    }
    return made


@pytest.fixture
def staff_client(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Programme staff"))
    client.force_login(user)
    return client


def test_staff_filter_bookings_by_authority_and_kind(staff_client, bookings, north):
    index = reverse("booking_admin:index")

    everything = staff_client.get(index).content.decode()
    by_authority = staff_client.get(index, {"organisation": north.pk}).content.decode()
    events_only = staff_client.get(index, {"kind": "event"}).content.decode()
    searched = staff_client.get(index, {"q": "wes west"}).content.decode()

    assert all(name in everything for name in ("Nia North", "Wes West", "Sem Inar"))
    assert "Nia North" in by_authority and "Sem Inar" in by_authority and "Wes West" not in by_authority
    assert "Sem Inar" in events_only and "Nia North" not in events_only
    assert "Wes West" in searched and "Nia North" not in searched


def test_staff_export_bookings_as_csv(staff_client, bookings, cohort):
    response = staff_client.get(reverse("booking_admin:index"), {"export": "csv", "kind": "cohort"})

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {row["Name"] for row in rows} == {"Nia North", "Wes West"}
    assert {row["Course cohort or event"] for row in rows} == {f"{cohort.course.title}: Spring 2027"}
    assert {row["Status"] for row in rows} == {"Place confirmed"}


def test_no_one_adds_or_edits_bookings_in_the_admin(admin_client, bookings):
    for name in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"booking_admin:{name}", args=[] if name == "add" else [bookings["north"].pk])
    response = admin_client.get(reverse("booking_admin:inspect", args=[bookings["north"].pk]))
    assert response.status_code == 200
    assert "Nia North" in response.content.decode()


def test_editors_without_the_permission_are_turned_away(client, bookings):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    client.force_login(editor)

    response = client.get(reverse("booking_admin:index"))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
