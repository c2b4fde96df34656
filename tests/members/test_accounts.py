"""Sign-up with email confirmation, login by email, logout, password change and reset (allauth)."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from members.models import User
from tests.members.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-and-unusual-passphrase-42"


def first_link(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_sign_up_confirm_email_and_land_on_my_learning(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Sam",
            "last_name": "Okafor",
            "email": "Sam@Example.org",
            "role": "aspiring_practice_leader",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email__iexact="sam@example.org")
    assert (user.first_name, user.last_name, user.role) == ("Sam", "Okafor", "aspiring_practice_leader")
    assert len(mail.outbox) == 1
    # Not logged in until the address is confirmed.
    assert client.get(reverse("records:dashboard")).status_code == 302
    confirm_url = first_link(mail.outbox[0])
    assert client.get(confirm_url).status_code == 200  # a page with a button; GET never confirms
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert client.get(reverse("records:dashboard")).status_code == 200


def test_sign_up_form_is_styled_and_keeps_input_on_error(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "<b>Sam</b>",
            "last_name": "",
            "email": "sam@example.org",
            "password1": "x",
            "password2": "y",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Nothing you typed has been lost" in html
    assert 'value="&lt;b&gt;Sam&lt;/b&gt;"' in html
    assert 'class="skip-link"' in html  # inside the site's base template


def test_login_by_email_any_case_and_logout(client):
    UserFactory(email="jo@example.org")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=User.objects.get(), email="jo@example.org", verified=True, primary=True)
    response = client.post(
        reverse("account_login"), {"login": "JO@example.org", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("records:dashboard")
    assert client.get(reverse("records:dashboard")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("records:dashboard")).status_code == 302


def test_wrong_password_gives_a_clear_message(client):
    UserFactory(email="jo@example.org")
    response = client.post(reverse("account_login"), {"login": "jo@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_by_email(client):
    user = UserFactory(email="jo@example.org")
    client.post(reverse("account_reset_password"), {"email": "jo@example.org"})
    assert len(mail.outbox) == 1
    reset_url = first_link(mail.outbox[0])
    response = client.get(reset_url, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset_url
    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_account_pages_use_the_site_layout(client, name):
    html = client.get(reverse(name)).content.decode()
    assert "site-header" in html and "site-footer" in html
    assert "css/accounts.css" in html
