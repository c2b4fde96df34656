"""Download all my data: programme.json, from the members' download view."""

import io
import json
import zipfile

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning_records.programme.services.cpd_drafts import draft_cpd_from_mentoring
from tests.learning_records.factories import CPDRecordFactory
from tests.learning_records.programme_factories import (
    EnrolmentFactory,
    MentorLogEntryFactory,
    ProgrammeDayFactory,
    days_ago,
)
from tests.learning_records.test_programme_project_service import agree_all, plan

pytestmark = pytest.mark.django_db


def download(client):
    response = client.get(reverse("members:download_data"))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive, json.loads(archive.read("programme.json"))


@pytest.fixture
def pair(enrolment):
    ProgrammeDayFactory(enrolment=enrolment, what_i_learnt="How the front door triages.")
    MentorLogEntryFactory(enrolment=enrolment, focus="Shared with staff", visibility="staff")
    entry = MentorLogEntryFactory(enrolment=enrolment, focus="Between us", visibility="pair")
    agree_all(enrolment, plan(enrolment)[0])
    plan(enrolment, title="Redesigning the front door, second go")
    # Each has a CPD draft of a contact, and the aspirant a CPD record of their own.
    draft_cpd_from_mentoring(entry=entry, member=enrolment.mentor)
    draft_cpd_from_mentoring(entry=entry, member=enrolment.aspirant)
    CPDRecordFactory(member=enrolment.aspirant, title="Aspirant's private seminar")
    # Another pair the mentor has nothing to do with.
    other = MentorLogEntryFactory(focus="Someone else's contact")
    ProgrammeDayFactory(enrolment=other.enrolment, what_i_learnt="Someone else's day")
    return enrolment


def test_the_aspirant_gets_their_enrolment_days_log_and_project(pair, client_for):
    archive, data = download(client_for(pair.aspirant))
    (enrolment,) = data["enrolments_as_aspirant"]
    assert enrolment["programme"] == pair.cohort.programme.title
    assert enrolment["mentor"] == pair.mentor.display_name
    assert enrolment["manager_email"] == pair.manager_email
    assert [d["what_i_learnt"] for d in enrolment["days"]] == ["How the front door triages."]
    assert {e["focus"] for e in enrolment["mentor_log"]} == {"Shared with staff", "Between us"}
    versions = enrolment["service_project"]
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[0]["status"] == "Replaced by a later version"
    assert {a["party"] for a in versions[0]["agreements"]} == {"Aspirant", "Mentor", "Manager"}
    assert versions[0]["milestones"][0]["title"] == "Scoping with the MASH"
    assert versions[1]["title"] == "Redesigning the front door, second go"
    assert data["mentor_log_entries_you_wrote"] == []
    # The aspirant's own CPD (with their draft of the contact) is in cpd-records.json, not here.
    cpd_titles = {r["title"] for r in json.loads(archive.read("cpd-records.json"))}
    assert "Aspirant's private seminar" in cpd_titles
    assert "Someone else" not in archive.read("programme.json").decode()


def test_the_mentor_gets_the_entries_they_wrote_and_none_of_the_aspirants_cpd(pair, client_for):
    archive, data = download(client_for(pair.mentor))
    assert data["enrolments_as_aspirant"] == []
    written = data["mentor_log_entries_you_wrote"]
    assert {e["focus"] for e in written} == {"Shared with staff", "Between us"}
    assert {e["aspirant"] for e in written} == {pair.aspirant.display_name}
    everything = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".json"))
    assert "Aspirant's private seminar" not in everything
    assert "Mentoring session:" not in everything  # the aspirant's draft title
    assert "How the front door triages." not in everything  # the aspirant's days are theirs
    assert "Someone else" not in everything
    (own_draft,) = json.loads(archive.read("cpd-records.json"))
    assert own_draft["title"].startswith("Mentoring an aspiring practice leader")


def test_a_member_with_no_programme_gets_empty_lists(client_for, stranger, pair):
    _archive, data = download(client_for(stranger))
    assert data == {"enrolments_as_aspirant": [], "mentor_log_entries_you_wrote": []}


def test_the_former_mentor_is_named_after_the_mentor_deleted_their_account(pair, client_for):
    pair.mentor.delete()
    _archive, data = download(client_for(pair.aspirant))
    assert data["enrolments_as_aspirant"][0]["mentor"].startswith("Former mentor: ")


def queries_for_download(client) -> int:
    """Queries for a download, after one unmeasured download: the first request after signing in
    reads the session row and the Site, which later requests find in the cache (issue 10)."""
    download(client)
    with CaptureQueriesContext(connection) as queries:
        download(client)
    return len(queries)


def test_queries_stay_the_same_for_10_or_100_days(client_for):
    enrolment = EnrolmentFactory()
    agree_all(enrolment, plan(enrolment)[0])
    client = client_for(enrolment.aspirant)

    def add(days, entries, to=enrolment):
        ProgrammeDayFactory.create_batch(days, enrolment=to, date=days_ago(20))
        MentorLogEntryFactory.create_batch(entries, enrolment=to)

    add(10, 1)
    with_10 = queries_for_download(client)
    add(50, 4)
    # A second enrolment (a later cohort) with its own days, log and plan: still no more queries.
    later = EnrolmentFactory(aspirant=enrolment.aspirant)
    agree_all(later, plan(later)[0])
    add(40, 5, to=later)
    assert queries_for_download(client) == with_10
    # The mentor's side too: entries they wrote, one query however many.
    mentor_client = client_for(enrolment.mentor)
    before = queries_for_download(mentor_client)
    add(0, 20)
    assert queries_for_download(mentor_client) == before
