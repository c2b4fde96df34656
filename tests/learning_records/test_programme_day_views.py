"""Logging, changing, deleting and listing days (the aspirant's forms)."""

import datetime

import pytest

from django.urls import reverse

from cms.models import ActivityType
from learning_records.programme import services
from learning_records.programme.models import ProgrammeDay
from tests.learning_records.programme_factories import ProgrammeDayFactory, days_ago

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    values = {
        "activity_type": ActivityType.MENTOR_AUTHORITY_DAY,
        "date": days_ago(12).isoformat(),
        "days": "1",
        "place": "Westborough Council, front door team",
        "what_happened": "Shadowed the MASH manager.",
        "what_i_learnt": "How the threshold conversations run.",
    }
    return {**values, **overrides}


def test_the_log_form_offers_the_current_phases_activities(enrolment, client_for):
    response = client_for(enrolment.aspirant).get(reverse("programme:day_create", args=[enrolment.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="mentor_authority_day"' in body
    assert 'value="residential"' in body
    assert 'value="mentoring"' not in body  # an in-role activity
    assert "What is left" in body


def test_logging_a_day(enrolment, client_for):
    response = client_for(enrolment.aspirant).post(
        reverse("programme:day_create", args=[enrolment.pk]), form_data(), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("programme:dashboard", args=[enrolment.pk])
    day = ProgrammeDay.objects.get(enrolment=enrolment)
    assert (day.activity_type, day.days, day.status) == ("mentor_authority_day", 1, "logged")
    assert day.what_i_learnt == "How the threshold conversations run."
    assert "Logged: Day in the mentor&#x27;s authority" in response.content.decode()


def test_log_and_add_another_returns_to_the_form(enrolment, client_for):
    response = client_for(enrolment.aspirant).post(
        reverse("programme:day_create", args=[enrolment.pk]), {**form_data(), "another": "1"}
    )
    assert response["Location"] == reverse("programme:day_create", args=[enrolment.pk])


def test_a_day_past_the_maximum_is_refused_with_its_message_and_nothing_lost(enrolment, client_for):
    for i in range(5):
        ProgrammeDayFactory(
            enrolment=enrolment, activity_type=ActivityType.MENTOR_AUTHORITY_DAY, date=days_ago(40 + i)
        )
    response = client_for(enrolment.aspirant).post(
        reverse("programme:day_create", args=[enrolment.pk]), form_data()
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "past its maximum of 5 days. You have logged 5 days, so none remain." in body
    assert "Shadowed the MASH manager." in body  # what was typed is still there
    assert ProgrammeDay.objects.filter(enrolment=enrolment).count() == 5


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date": ""}, "This field is required."),
        ({"days": "2"}, "Select a valid choice."),
        ({"activity_type": "mentoring"}, "Select a valid choice."),
        ({"date": days_ago(400).isoformat()}, "Choose a date in the preparatory phase"),
    ],
)
def test_bad_input_gets_a_field_message(enrolment, client_for, overrides, message):
    response = client_for(enrolment.aspirant).post(
        reverse("programme:day_create", args=[enrolment.pk]), form_data(**overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgrammeDay.objects.exists()


def test_changing_a_queried_day_sends_it_back(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    services.query_day(day=day, mentor=enrolment.mentor, comment="Was this the afternoon only?")
    client = client_for(enrolment.aspirant)
    url = reverse("programme:day_edit", args=[enrolment.pk, day.pk])
    assert "Was this the afternoon only?" in client.get(url).content.decode()
    response = client.post(url, form_data(activity_type="seminar", date=day.date.isoformat(), days="0.5"))
    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.days, day.status) == (0.5, "logged")


def test_a_confirmed_day_cannot_be_opened_for_change(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    services.confirm_day(day=day, mentor=enrolment.mentor)
    response = client_for(enrolment.aspirant).get(reverse("programme:day_edit", args=[enrolment.pk, day.pk]))
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("programme:day_list", args=[enrolment.pk]),
    )


def test_deleting_a_day_asks_first(enrolment, client_for):
    day = ProgrammeDayFactory(enrolment=enrolment)
    client = client_for(enrolment.aspirant)
    url = reverse("programme:day_delete", args=[enrolment.pk, day.pk])
    assert "Delete this day?" in client.get(url).content.decode()
    assert ProgrammeDay.objects.filter(pk=day.pk).exists()
    client.post(url)
    assert not ProgrammeDay.objects.filter(pk=day.pk).exists()


def test_the_day_list_filters_and_pages(enrolment, client_for):
    for i in range(30):
        ProgrammeDayFactory(enrolment=enrolment, date=enrolment.cohort.start + datetime.timedelta(days=i))
    services.confirm_day(day=enrolment.days.order_by("date").first(), mentor=enrolment.mentor)
    client = client_for(enrolment.aspirant)
    url = reverse("programme:day_list", args=[enrolment.pk])
    body = client.get(url).content.decode()
    assert "Page 1 of 2" in body
    confirmed = client.get(url, {"status": "confirmed"}).content.decode()
    assert confirmed.count("Confirmed by the mentor</span>") == 1
    assert "Page 1 of 2" not in confirmed


def test_a_withdrawn_aspirant_is_shown_why_there_is_no_form(enrolment, client_for):
    services.end_enrolment(enrolment=enrolment, status="withdrawn", on=days_ago(1))
    client = client_for(enrolment.aspirant)
    response = client.get(reverse("programme:day_create", args=[enrolment.pk]))
    assert "withdrew from the programme" in response.content.decode()
    assert '<form method="post" novalidate>' not in response.content.decode()
    client.post(reverse("programme:day_create", args=[enrolment.pk]), form_data())
    assert not ProgrammeDay.objects.exists()
