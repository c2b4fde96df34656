import pytest

from django.urls import reverse

from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def profile_data(**changes):
    data = {
        "first_name": "Priya",
        "last_name": "Shah",
        "role": "practitioner",
        "organisation": "",
        "job_title": "Senior social worker",
        "swe_registration_number": "SW123456",
    }
    return {**data, **changes}


def test_profile_saves(client):
    user = UserFactory()
    organisation = OrganisationFactory()
    client.force_login(user)
    response = client.post(reverse("members:profile"), profile_data(organisation=organisation.pk))
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.organisation, user.job_title, user.swe_registration_number) == (
        organisation,
        "Senior social worker",
        "SW123456",
    )


def test_registration_number_is_tidied(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("members:profile"), profile_data(swe_registration_number=" sw 123 456 "))
    user.refresh_from_db()
    assert user.swe_registration_number == "SW123456"


@pytest.mark.parametrize("number", ["123456", "SW12AB", "XX123456", "SW", "SW-123456"])
def test_registration_number_in_the_wrong_form_is_refused_and_nothing_is_lost(client, number):
    user = UserFactory(swe_registration_number="")
    client.force_login(user)
    response = client.post(
        reverse("members:profile"),
        profile_data(swe_registration_number=number, job_title="<script>x</script>"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "SW followed by digits, for example SW123456" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x</script>" not in html
    user.refresh_from_db()
    assert user.swe_registration_number == ""
