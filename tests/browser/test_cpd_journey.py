"""Sign up, confirm the email, record CPD from a seminar page's button, draft, peer reflection,
submit, see the year's meter move, download the CSV."""

import datetime
import re
from decimal import Decimal

import pytest

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from learning_records.cpd import rules
from tests.browser.conftest import assert_accessible
from tests.cms.factories import EventIndexPageFactory, EventPageFactory, home_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "a-long-and-unusual-passphrase-42"


def past_seminar():
    today = timezone.localdate()
    day = max(rules.year_bounds(rules.registration_year_of(today))[0], today - datetime.timedelta(days=3))
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    events = EventIndexPageFactory(parent=home_page())
    return EventPageFactory(
        parent=events,
        title="The Politics of Risk in Child Protection",
        start=start,
        end=start + datetime.timedelta(hours=5),
        cpd_hours=Decimal("5"),
    )


def test_cpd_journey(page, live_server):
    cache.clear()  # allauth's rate limits live in the cache, which other tests share
    seminar = past_seminar()

    # Sign up and confirm the email address from the test outbox.
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Email").fill("sam.journey@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.outbox[0].body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/my/")
    assert "0 of 2 needed" in page.locator("main").inner_text()

    # Record the seminar as CPD from its page, starting as a draft.
    page.goto(seminar.url)
    page.get_by_role("link", name="Record this as CPD").click()
    page.wait_for_url(re.compile(r"/my/records/new/"))
    assert page.get_by_label("Title").input_value() == seminar.title
    assert page.get_by_label("Hours").input_value() == "5.0"
    assert_accessible(page)
    page.get_by_label("Short description and why it is relevant").fill("A seminar on risk and blame.")
    page.locator("#id_learning").fill("Fear of blame shapes what we write down.")
    page.get_by_label("The impact on my practice and the people I work with").fill("I name uncertainty now.")
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url(re.compile(r"/my/records/\d+/$"))
    assert "Saved as a draft" in page.locator(".messages").inner_text()

    # Add a peer reflection later, then submit.
    page.get_by_role("link", name="Continue editing").click()
    page.get_by_label("The peer's role").select_option(label="Line manager or supervisor")
    page.get_by_label("Date of the discussion").fill(timezone.localdate().isoformat())
    page.get_by_label("What I learnt from the discussion").fill("My manager helped me see the family's view.")
    page.get_by_role("button", name="Submit record").click()
    page.wait_for_url(re.compile(r"/my/records/\d+/$"))
    assert "Record submitted" in page.locator(".messages").inner_text()

    # The year's meter has moved.
    year_name = rules.year_name(rules.registration_year_of(timezone.localdate()))
    page.goto(f"/my/records/years/{year_name}/")
    meter = page.locator(".year-meter").inner_text()
    assert "1 of 2 needed" in meter and "1 of 1 needed" in meter
    assert_accessible(page)

    # The record list, and the CSV download.
    page.goto("/my/records/")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download all as CSV").click()
    csv_text = open(download_info.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert seminar.title in csv_text
    assert "Line manager or supervisor" in csv_text


def test_autosave_keeps_a_draft_while_typing(page, login):
    from tests.members.factories import UserFactory

    member = login(UserFactory())
    page.goto("/my/records/new/")
    page.get_by_label("Title").fill("Notes from supervision")
    page.locator("#id_learning").fill("Typed but never saved by hand")
    page.wait_for_function("document.querySelector('[data-autosave-status]').textContent.includes('saved')")
    assert re.search(r"/my/records/\d+/edit/$", page.url)
    from learning_records.cpd.models import CPDRecord

    record = CPDRecord.objects.get(member=member)
    assert record.learning == "Typed but never saved by hand"
