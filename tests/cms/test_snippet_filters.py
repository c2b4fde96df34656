"""The Directory snippets' listing filters in the admin (cms/wagtail_hooks.py)."""

import pytest

from django.urls import reverse

from cms.models import Framework, Person
from members.models import Organisation
from tests.cms.factories import FrameworkFactory, PersonFactory
from tests.members.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def listed(client, model, **filters) -> list[str]:
    url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list_results")
    response = client.get(url, filters)
    assert response.status_code == 200
    return sorted(str(obj) for obj in response.context["object_list"])


def test_people_filter_by_what_they_offer(admin_client):
    PersonFactory(first_name="Ada", last_name="Shadow", offers=[Person.Offer.SHADOWING])
    PersonFactory(
        first_name="Bea", last_name="Lunch", offers=[Person.Offer.LUNCH, Person.Offer.RESEARCH_SEMINARS]
    )
    PersonFactory(first_name="Cy", last_name="None", offers=[])
    assert listed(admin_client, Person, offers=Person.Offer.LUNCH) == ["Bea Lunch"]
    assert listed(admin_client, Person, offers=Person.Offer.SHADOWING) == ["Ada Shadow"]
    assert len(listed(admin_client, Person)) == 3


def test_the_offers_filter_uses_the_named_queryset(admin_client):
    # The same people as Person.objects.offering(), the query the directory page uses.
    PersonFactory(offers=[Person.Offer.RESEARCH_SEMINARS])
    PersonFactory(offers=[Person.Offer.SHADOWING])
    expected = sorted(str(p) for p in Person.objects.offering(Person.Offer.RESEARCH_SEMINARS))
    assert listed(admin_client, Person, offers=Person.Offer.RESEARCH_SEMINARS) == expected
    assert len(expected) == 1


def test_people_filter_by_organisation(admin_client):
    university = OrganisationFactory(name="Northtown University", kind=Organisation.Kind.UNIVERSITY)
    PersonFactory(first_name="Dee", last_name="Academic", organisation=university)
    PersonFactory(first_name="Eve", last_name="Elsewhere")
    assert listed(admin_client, Person, organisation=university.pk) == ["Dee Academic"]


def test_organisations_filter_by_kind_and_partnership(admin_client):
    OrganisationFactory(name="Northtown University", kind=Organisation.Kind.UNIVERSITY, is_partner=True)
    OrganisationFactory(name="Southtown Council", kind=Organisation.Kind.LOCAL_AUTHORITY, is_partner=False)
    assert listed(admin_client, Organisation, kind=Organisation.Kind.UNIVERSITY) == ["Northtown University"]
    assert "Southtown Council" in listed(admin_client, Organisation, is_partner="false")
    assert "Northtown University" not in listed(admin_client, Organisation, is_partner="false")


def test_frameworks_filter_by_publisher(admin_client):
    FrameworkFactory(name="Test standards", publisher="Test body")
    assert [str(f) for f in Framework.objects.filter(publisher="Test body")] == listed(
        admin_client, Framework, publisher="Test body"
    )
    assert listed(admin_client, Framework, publisher="Test body") != []
    assert listed(admin_client, Framework, publisher="Nobody") == []
