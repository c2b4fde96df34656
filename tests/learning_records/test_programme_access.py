"""Who may open which programme URL. Anything not the member's answers 404; anonymous visitors
are sent to log in; the aspirant and the mentor each see only their side."""

import pytest

from django.urls import reverse

from tests.learning_records.programme_factories import (
    EnrolmentFactory,
    MentorLogEntryFactory,
    ProgrammeDayFactory,
)

pytestmark = pytest.mark.django_db

# (url name, which ids it takes)
ASPIRANT_URLS = [
    ("programme:dashboard", "enrolment"),
    ("programme:day_list", "enrolment"),
    ("programme:day_create", "enrolment"),
    ("programme:day_edit", "enrolment+day"),
    ("programme:day_delete", "enrolment+day"),
    ("programme:mentor_log", "enrolment"),
    ("programme:project_edit", "enrolment"),
    ("programme:project_history", "enrolment"),
    ("programme:project_resend", "enrolment"),
]
MENTOR_URLS = [
    ("programme:mentee", "enrolment"),
    ("programme:mentee_log", "enrolment"),
    ("programme:log_create", "enrolment"),
    ("programme:project_decision", "enrolment"),
    ("programme:day_confirm", "day"),
    ("programme:day_query", "day"),
    ("programme:log_edit", "entry"),
    ("programme:log_delete", "entry"),
]
POST_ONLY = {"programme:project_resend", "programme:day_confirm"}


@pytest.fixture
def objects(enrolment):
    return {
        "enrolment": enrolment,
        "day": ProgrammeDayFactory(enrolment=enrolment),
        "entry": MentorLogEntryFactory(enrolment=enrolment),
    }


def url_for(name, kind, objects):
    args = {
        "enrolment": [objects["enrolment"].pk],
        "enrolment+day": [objects["enrolment"].pk, objects["day"].pk],
        "day": [objects["day"].pk],
        "entry": [objects["entry"].pk],
    }[kind]
    return reverse(name, args=args)


def fetch(client, name, url):
    return client.post(url) if name in POST_ONLY else client.get(url)


@pytest.mark.parametrize(("name", "kind"), ASPIRANT_URLS + MENTOR_URLS)
def test_another_member_gets_404(name, kind, objects, stranger, client_for):
    assert fetch(client_for(stranger), name, url_for(name, kind, objects)).status_code == 404


@pytest.mark.parametrize(("name", "kind"), ASPIRANT_URLS + MENTOR_URLS)
def test_another_aspirant_and_another_mentor_get_404(name, kind, objects, client_for):
    other = EnrolmentFactory(cohort=objects["enrolment"].cohort)
    for person in (other.aspirant, other.mentor):
        assert fetch(client_for(person), name, url_for(name, kind, objects)).status_code == 404


@pytest.mark.parametrize(("name", "kind"), MENTOR_URLS)
def test_the_aspirant_cannot_use_the_mentors_urls(name, kind, objects, client_for):
    aspirant = objects["enrolment"].aspirant
    assert fetch(client_for(aspirant), name, url_for(name, kind, objects)).status_code == 404


@pytest.mark.parametrize(("name", "kind"), ASPIRANT_URLS)
def test_the_mentor_cannot_use_the_aspirants_urls(name, kind, objects, client_for):
    mentor = objects["enrolment"].mentor
    assert fetch(client_for(mentor), name, url_for(name, kind, objects)).status_code == 404


@pytest.mark.parametrize(
    ("name", "kind"),
    [*ASPIRANT_URLS, *MENTOR_URLS, ("programme:my_programme", None), ("programme:mentoring", None)],
)
def test_anonymous_visitors_are_sent_to_log_in(name, kind, objects, client):
    url = url_for(name, kind, objects) if kind else reverse(name)
    response = fetch(client, name, url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


@pytest.mark.parametrize(("name", "kind"), [(n, k) for n, k in ASPIRANT_URLS if n not in POST_ONLY])
def test_the_aspirant_opens_their_own_pages(name, kind, objects, client_for):
    response = client_for(objects["enrolment"].aspirant).get(url_for(name, kind, objects))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("name", "kind"), [(n, k) for n, k in MENTOR_URLS if n not in POST_ONLY | {"programme:project_decision"}]
)
def test_the_mentor_opens_their_mentees_pages(name, kind, objects, client_for):
    response = client_for(objects["enrolment"].mentor).get(url_for(name, kind, objects))
    assert response.status_code == 200


def test_the_index_pages_are_404_for_members_with_no_part(stranger, client_for):
    client = client_for(stranger)
    assert client.get(reverse("programme:my_programme")).status_code == 404
    assert client.get(reverse("programme:mentoring")).status_code == 404


def test_the_mentor_page_shows_programme_records_only(objects, client_for):
    """Mentors see the programme record, never the aspirant's CPD records (no link to them)."""
    enrolment = objects["enrolment"]
    body = client_for(enrolment.mentor).get(reverse("programme:mentee", args=[enrolment.pk])).content.decode()
    assert enrolment.aspirant.display_name in body
    assert "/my/records/" not in body
