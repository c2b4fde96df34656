"""config/contributions.py: what each app contributes, found through its AppConfig, loudly."""

import pytest

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from config.contributions import check_contributions, contributions, declared


@pytest.fixture
def members_config(monkeypatch):
    config = apps.get_app_config("members")
    monkeypatch.setattr(config, "contributions", dict(config.contributions))
    return config


def test_demo_loaders_run_members_then_the_site_then_the_records():
    assert declared("demo") == [
        "members.demo",
        "home.demo",
        "learning_records.cpd.demo",
        "learning_records.programme.demo",
        "learning_records.bookings.demo",
        "learning_records.certificates.demo",
    ]


def test_every_kind_declared_today_imports_and_passes_the_system_check():
    assert check_contributions(None) == []
    assert [module.__name__ for module in contributions("member_data")][0] == "members.member_data"


def test_a_misspelt_module_raises_instead_of_being_skipped(members_config):
    members_config.contributions["member_data"] = ["members.member_data", "members.memberdata"]
    with pytest.raises(ImportError, match="members.memberdata"):
        contributions("member_data")
    [error] = check_contributions(None)
    assert error.id == "praxis.E001" and "members.memberdata" in error.msg


def test_a_module_without_the_function_its_kind_needs_is_refused(members_config):
    members_config.contributions["account_deletion"] = ["members.forms"]
    with pytest.raises(ImproperlyConfigured, match=r"members.forms .* no notices\(\)"):
        contributions("account_deletion")


def test_an_unknown_kind_is_refused(members_config):
    members_config.contributions["member_dat"] = ["members.member_data"]
    with pytest.raises(ImproperlyConfigured, match="unknown contribution kinds: member_dat"):
        contributions("member_data")
    with pytest.raises(ImproperlyConfigured, match="Unknown contribution kind 'demos'"):
        contributions("demos")


def test_a_bare_string_is_refused_rather_than_read_letter_by_letter(members_config):
    members_config.contributions["demo"] = "members.demo"
    with pytest.raises(ImproperlyConfigured, match="must be a list"):
        contributions("demo")
