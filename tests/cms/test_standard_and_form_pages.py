"""Standard pages and editor-built forms, including the thank-you page."""

import pytest

from django.core import mail

from cms.models import FormField
from tests.cms import factories as f
from tests.html import assert_headings_in_order, parse, text

pytestmark = pytest.mark.django_db


def test_standard_page_shows_intro_body_and_child_pages(client, home):
    page = f.StandardPageFactory(
        parent=home,
        title="About the partnership",
        intro="Who we are.",
        body=[("heading", {"text": "Our history", "level": "h2"}), ("paragraph", "<p>Founded in 2016.</p>")],
    )
    f.StandardPageFactory(parent=page, title="Our governance")
    soup = parse(client.get(page.url))
    body = text(soup.find("main"))
    assert "Who we are." in body and "Our history" in body and "Founded in 2016." in body
    assert [text(h) for h in soup.select("main .card__title")] == ["Our governance"]
    assert_headings_in_order(soup)


@pytest.fixture
def form_page(home):
    page = f.FormPageFactory(
        parent=home,
        title="Expression of interest",
        intro="<p>Tell us about your team.</p>",
        thank_you_text="<p>We will reply within two weeks.</p>",
    )
    FormField.objects.create(
        page=page, label="Your name", field_type="singleline", required=True, sort_order=0
    )
    FormField.objects.create(page=page, label="Team", field_type="multiline", required=False, sort_order=1)
    return page


def test_form_page_renders_labelled_fields(client, form_page):
    soup = parse(client.get(form_page.url))
    form = soup.select_one("main form")
    assert form["method"] == "post"
    assert "Tell us about your team." in text(soup.find("main"))
    name = form.find("input", attrs={"name": "your_name"})
    assert text(form.find("label", attrs={"for": name["id"]})) == "Your name"
    assert "(optional)" in text(form.find("label", attrs={"for": form.find("textarea")["id"]}))


def test_form_errors_are_shown_and_nothing_is_lost(client, form_page):
    soup = parse(client.post(form_page.url, {"your_name": "", "team": "Adults, north"}))
    assert "There is a problem" in text(soup.select_one(".error-summary"))
    assert "Nothing you typed has been lost" in text(soup.select_one(".error-summary"))
    assert text(soup.find("textarea")) == "Adults, north"


def test_sending_the_form_shows_the_thank_you_page_and_emails_the_team(client, form_page):
    soup = parse(client.post(form_page.url, {"your_name": "Priya Shah", "team": "Adults"}))
    assert text(soup.find("h1")) == "Thank you"
    assert "We will reply within two weeks." in text(soup.find("main"))
    assert len(mail.outbox) == 1 and "Priya Shah" in mail.outbox[0].body
