"""Programme staff take registers in the Wagtail admin: the cohorts with session days, a cohort's
overview and CSV, and one session day's form; nobody else reaches any of them."""

import csv
import datetime
import io

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from learning_records.bookings import register
from learning_records.bookings.models import Attendance, Booking
from learning_records.bookings.register_views import counts_in_words, threshold_in_words
from tests.cms.factories import CourseCohortFactory
from tests.learning_records.booking_fixtures import SESSION_DAYS, book_confirmed
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

PRESENT, ABSENT, LATE, LEFT_EARLY = "present", "absent", "late", "left_early"
FIRST = SESSION_DAYS[0]


@pytest.fixture
def staff_client(client_for, staff):
    """`staff` (in the "Programme staff" group) comes from programme_fixtures."""
    return client_for(staff)


@pytest.fixture
def people(north):
    return [
        UserFactory(first_name=first, last_name=last, organisation=north)
        for first, last in (("Ann", "Cole"), ("Bo", "Ahmed"), ("Cy", "Brown"))
    ]


@pytest.fixture
def bookings(taught_cohort, people):
    """Ahmed, Brown, Cole: confirmed on the ten-day cohort (register order is by surname)."""
    cole, ahmed, brown = book_confirmed(taught_cohort, people)
    return ahmed, brown, cole


def day_url(cohort, day):
    return reverse("registers:day", args=[cohort.pk, day.isoformat()])


def overview_url(cohort):
    return reverse("registers:cohort", args=[cohort.pk])


def marks(cohort, day):
    return {line.booking.member.last_name: line.mark for line in register.register_for_day(cohort, day)}


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def test_the_rule_is_stated_in_words(taught_course):
    cases = [
        (90, 2, 15, "90% of the 15 days and no more than 2 days missed"),
        (90, None, 15, "90% of the 15 days"),
        (80, 1, 1, "80% of the 1 day and no more than 1 day missed"),
    ]
    for percent, missed, days, words in cases:
        taught_course.attendance_threshold_percent, taught_course.max_days_missed = percent, missed
        assert threshold_in_words(taught_course, days) == words


def test_counts_are_given_in_the_register_order():
    assert counts_in_words({ABSENT: 1, PRESENT: 18, LATE: 1}) == "18 present, 1 late, 1 absent"
    assert counts_in_words({LEFT_EARLY: 2}, not_marked=3) == "2 left early, 3 not marked"


def test_the_cohorts_with_session_days_are_listed_upcoming_first(staff_client, taught_course, bookings):
    today = timezone.localdate()
    finished = CourseCohortFactory(
        course=taught_course,
        name="Finished cohort",
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=30),
        session_dates=[(today - datetime.timedelta(days=40)).isoformat()],
    )
    soon = CourseCohortFactory(
        course=taught_course,
        name="Running cohort",
        start_date=today - datetime.timedelta(days=7),
        end_date=today + datetime.timedelta(days=30),
        session_dates=[(today - datetime.timedelta(days=7)).isoformat(), today.isoformat()],
    )
    CourseCohortFactory(course=taught_course, name="No days yet", session_dates=[])

    page = staff_client.get(reverse("registers:index")).content.decode()

    assert page.index("Running cohort") < page.index("Spring 2027") < page.index("Finished cohort")
    assert "No days yet" not in page
    assert "Today's register" in page and day_url(soon, today) in page
    assert "3 people on the register" in page
    assert overview_url(finished) in page


def test_with_no_session_days_the_list_says_where_to_add_them(staff_client):
    page = staff_client.get(reverse("registers:index")).content.decode()
    assert "No cohort has session days yet." in page


def test_the_overview_shows_each_persons_marks_and_whether_they_reached_the_threshold(
    staff_client, taught_cohort, bookings, staff
):
    ahmed, brown, cole = bookings
    for day in SESSION_DAYS[:9]:
        register.take_register(taught_cohort, day, {ahmed.pk: PRESENT, brown.pk: ABSENT}, by=staff)
    register.take_register(taught_cohort, SESSION_DAYS[9], {ahmed.pk: LATE}, by=staff)

    response = staff_client.get(overview_url(taught_cohort))
    page = response.content.decode()

    assert response.status_code == 200
    assert "A certificate needs 90% of the 10 days and no more than 2 days missed." in page
    assert "1 of 3 people have reached the threshold." in page
    rows = {row.summary.booking.member.last_name: row for row in response.context["rows"]}
    assert [cell.mark for cell in rows["Ahmed"].cells] == [PRESENT] * 9 + [LATE]
    assert (rows["Ahmed"].summary.attended, rows["Ahmed"].summary.percent, rows["Ahmed"].summary.met) == (
        10,
        100,
        True,
    )
    assert (rows["Brown"].summary.attended, rows["Brown"].summary.met) == (0, False)
    assert [cell.label for cell in rows["Cole"].cells] == ["Not marked"] * 10
    for day in SESSION_DAYS:
        assert day_url(taught_cohort, day) in page
    assert "{% block" not in page and "register_certificate_actions" not in page


def test_the_register_downloads_as_csv_one_row_per_person(staff_client, taught_cohort, bookings, staff):
    ahmed, brown, _cole = bookings
    brown.member.first_name = "=Cy"
    brown.member.save()
    register.take_register(taught_cohort, FIRST, {ahmed.pk: PRESENT, brown.pk: LEFT_EARLY}, by=staff)

    response = staff_client.get(overview_url(taught_cohort), {"export": "csv"})

    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == 'attachment; filename="register-systemic-practice-spring-2027.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "Email",
        "Authority",
        *[day.isoformat() for day in SESSION_DAYS],
        "Days attended",
        "Percent",
        "Reached the threshold",
    ]
    assert rows[1][:5] == ["Bo Ahmed", ahmed.member.email, "Northshire Council", "Present", ""]
    assert rows[1][-3:] == ["1", "10", "No"]
    assert rows[2][0] == "'=Cy Brown" and rows[2][3] == "Left early"
    assert rows[3][3:13] == [""] * 10 and len(rows) == 4


def test_the_day_form_has_a_labelled_radio_group_per_person(staff_client, taught_cohort, bookings):
    page = staff_client.get(day_url(taught_cohort, FIRST)).content.decode()

    assert "<h1" in page and "Register for Tuesday 2 March 2027" in page
    assert page.count('<fieldset class="register-person"') == 3
    assert "<legend>Bo Ahmed <small>Northshire Council</small></legend>" in page
    for label in ("Present", "Absent", "Late", "Left early"):
        assert page.count(f"> {label}</label>") == 3
    assert 'name="everyone_present"' in page and "Save the register" in page
    assert (
        "Systemic practice: Spring 2027. Session day 1 of 10. 3 people on the register, 3 not yet marked."
        in page
    )


def test_staff_save_the_register_and_are_told_the_counts(staff_client, taught_cohort, bookings, staff):
    ahmed, brown, cole = bookings

    response = staff_client.post(
        day_url(taught_cohort, FIRST),
        {f"mark_{ahmed.pk}": PRESENT, f"mark_{brown.pk}": LATE, f"mark_{cole.pk}": ABSENT, "save": "1"},
    )

    assert response.status_code == 302 and response["Location"] == day_url(taught_cohort, FIRST)
    assert messages_of(response) == ["Register for Tuesday 2 March 2027 saved: 1 present, 1 late, 1 absent."]
    assert marks(taught_cohort, FIRST) == {"Ahmed": PRESENT, "Brown": LATE, "Cole": ABSENT}
    assert set(Attendance.objects.values_list("recorded_by", flat=True)) == {staff.pk}
    page = staff_client.get(day_url(taught_cohort, FIRST)).content.decode()
    assert page.count("checked") == 3


def test_everyone_present_marks_only_those_not_yet_marked(staff_client, taught_cohort, bookings, staff):
    ahmed, brown, cole = bookings
    register.take_register(taught_cohort, FIRST, {ahmed.pk: ABSENT}, by=staff)

    response = staff_client.post(
        day_url(taught_cohort, FIRST),
        {f"mark_{ahmed.pk}": ABSENT, f"mark_{cole.pk}": LATE, "everyone_present": "1"},
    )

    assert response.status_code == 302
    assert marks(taught_cohort, FIRST) == {"Ahmed": ABSENT, "Brown": PRESENT, "Cole": LATE}
    assert messages_of(response) == ["Register for Tuesday 2 March 2027 saved: 1 present, 1 late, 1 absent."]


def test_a_form_opened_before_someone_else_took_the_register_keeps_their_marks(
    staff_client, taught_cohort, bookings, staff
):
    ahmed, brown, cole = bookings
    register.take_register(taught_cohort, FIRST, {ahmed.pk: ABSENT, brown.pk: LATE}, by=staff)

    staff_client.post(day_url(taught_cohort, FIRST), {f"mark_{cole.pk}": LEFT_EARLY})
    assert marks(taught_cohort, FIRST) == {"Ahmed": ABSENT, "Brown": LATE, "Cole": LEFT_EARLY}
    staff_client.post(day_url(taught_cohort, FIRST), {"everyone_present": "1"})
    assert marks(taught_cohort, FIRST) == {"Ahmed": ABSENT, "Brown": LATE, "Cole": LEFT_EARLY}


def test_a_cohort_with_nobody_booked_says_so(staff_client, taught_cohort):
    day = staff_client.get(day_url(taught_cohort, FIRST)).content.decode()
    overview = staff_client.get(overview_url(taught_cohort)).content.decode()

    assert "Nobody has a confirmed place on this cohort yet, so there is no one to mark." in day
    assert "<form" not in day.split("register-intro")[1]
    assert "Nobody has a confirmed place on this cohort yet." in overview


def test_a_partly_taken_register_says_how_many_are_not_marked(staff_client, taught_cohort, bookings):
    ahmed, _brown, _cole = bookings
    response = staff_client.post(day_url(taught_cohort, FIRST), {f"mark_{ahmed.pk}": PRESENT})
    assert messages_of(response) == ["Register for Tuesday 2 March 2027 saved: 1 present, 2 not marked."]


def test_a_mark_that_is_not_a_choice_is_shown_on_that_person_and_nothing_is_saved(
    staff_client, taught_cohort, bookings
):
    ahmed, brown, _cole = bookings

    response = staff_client.post(
        day_url(taught_cohort, FIRST), {f"mark_{ahmed.pk}": PRESENT, f"mark_{brown.pk}": "asleep"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        f"mark_{brown.pk}": ["Select a valid choice. asleep is not one of the available choices."]
    }
    page = response.content.decode()
    assert f'id="id_mark_{brown.pk}-error"' in page and "register-person--error" in page
    assert not Attendance.objects.exists()


def test_a_booking_from_another_cohort_is_ignored(staff_client, taught_cohort, taught_course, bookings):
    other = CourseCohortFactory(
        course=taught_course, start_date=FIRST, end_date=FIRST, session_dates=[FIRST.isoformat()]
    )
    (outsider,) = book_confirmed(other, [UserFactory()])

    staff_client.post(
        day_url(taught_cohort, FIRST), {f"mark_{outsider.pk}": PRESENT, "everyone_present": "1"}
    )

    assert not Attendance.objects.filter(booking=outsider).exists()
    assert Attendance.objects.count() == 3


def test_the_day_links_to_the_previous_and_next_session_days(staff_client, taught_cohort, bookings):
    first = staff_client.get(day_url(taught_cohort, FIRST)).content.decode()
    second = staff_client.get(day_url(taught_cohort, SESSION_DAYS[1])).content.decode()
    last = staff_client.get(day_url(taught_cohort, SESSION_DAYS[-1])).content.decode()

    assert "Next: Tuesday 9 March 2027" in first and "Previous:" not in first
    assert "Previous: Tuesday 2 March 2027" in second and "Next: Tuesday 16 March 2027" in second
    assert "Next:" not in last and day_url(taught_cohort, SESSION_DAYS[-2]) in last


def register_urls(cohort):
    return [
        reverse("registers:index"),
        overview_url(cohort),
        overview_url(cohort) + "?export=csv",
        day_url(cohort, FIRST),
    ]


def test_a_member_without_admin_access_is_sent_to_sign_in_on_every_register_url(
    client, taught_cohort, bookings
):
    ahmed, _brown, _cole = bookings
    client.force_login(ahmed.member)
    for url in register_urls(taught_cohort):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("wagtailadmin_login")
        ), url
    response = client.post(day_url(taught_cohort, FIRST), {f"mark_{ahmed.pk}": PRESENT})
    assert response.status_code == 302
    assert not Attendance.objects.exists()


def test_an_editor_without_the_permission_is_refused_every_register_url(client, taught_cohort, bookings):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    for url in register_urls(taught_cohort):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home")), url
    ahmed = bookings[0]
    response = client.post(
        day_url(taught_cohort, FIRST), {f"mark_{ahmed.pk}": PRESENT, "everyone_present": "1"}
    )
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not Attendance.objects.exists()
    assert "/admin/registers/" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_programme_staff_have_the_permission_and_the_menu_item(staff, staff_client):
    assert staff.has_perm("learning_records.change_attendance")
    assert '"url": "/admin/registers/"' in staff_client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_cohort_or_day_that_does_not_exist_or_is_not_a_session_day_answers_404(
    staff_client, taught_cohort, bookings
):
    missing = taught_cohort.pk + 1000
    base = overview_url(taught_cohort)
    urls = [
        reverse("registers:cohort", args=[missing]),
        reverse("registers:day", args=[missing, FIRST.isoformat()]),
        f"{base}2027-02-30/",
        f"{base}tuesday/",
        day_url(taught_cohort, FIRST + datetime.timedelta(days=1)),
    ]
    for url in urls:
        assert staff_client.get(url).status_code == 404, url
        assert staff_client.post(url, {"everyone_present": "1"}).status_code == 404, url
    assert not Attendance.objects.exists()


# Query counts: the same cap from 5 people over 3 days to 60 over 15.
OVERVIEW_QUERIES = 12
DAY_GET_QUERIES = 12
DAY_POST_QUERIES = 14


@pytest.fixture(params=[(5, 3), (60, 15)], ids=["5x3", "60x15"])
def big_cohort(request, taught_course, north):
    people, day_count = request.param
    days = [FIRST + datetime.timedelta(weeks=n) for n in range(day_count)]
    cohort = CourseCohortFactory(
        course=taught_course,
        start_date=days[0],
        end_date=days[-1],
        session_dates=[day.isoformat() for day in days],
    )
    members = UserFactory.create_batch(people, organisation=north)
    bookings = Booking.objects.bulk_create(
        Booking(member=m, cohort=cohort, organisation=north, status=Booking.Status.CONFIRMED) for m in members
    )
    Attendance.objects.bulk_create(
        Attendance(booking=b, date=day, mark=[PRESENT, LATE, ABSENT][(i + n) % 3])
        for i, b in enumerate(bookings)
        for n, day in enumerate(days[:-1])
    )
    return cohort, bookings, days


def test_the_overview_and_csv_take_the_same_queries_whatever_the_size(
    staff_client, big_cohort, django_assert_max_num_queries
):
    cohort, bookings, days = big_cohort
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = staff_client.get(overview_url(cohort))
    assert len(response.context["rows"]) == len(bookings)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = staff_client.get(overview_url(cohort), {"export": "csv"})
    assert len(response.content.decode("utf-8-sig").splitlines()) == len(bookings) + 1


def test_the_day_form_takes_the_same_queries_whatever_the_size(
    staff_client, big_cohort, django_assert_max_num_queries
):
    cohort, bookings, days = big_cohort
    last = days[-1]
    with django_assert_max_num_queries(DAY_GET_QUERIES):
        assert staff_client.get(day_url(cohort, last)).status_code == 200
    posted = {f"mark_{b.pk}": LATE for b in bookings[::2]} | {"everyone_present": "1"}
    with django_assert_max_num_queries(DAY_POST_QUERIES):
        assert staff_client.post(day_url(cohort, last), posted).status_code == 302
    changed = {f"mark_{b.pk}": ABSENT for b in bookings} | {"save": "1"}
    with django_assert_max_num_queries(DAY_POST_QUERIES):
        assert staff_client.post(day_url(cohort, last), changed).status_code == 302
    assert Attendance.objects.filter(date=last, mark=ABSENT).count() == len(bookings)
