"""Two gunicorn processes behind nginx on one PostgreSQL, with Redis, S3 storage and the worker.

One test, run in order: the stack takes about half a minute to start, and pytest-xdist must not
split the steps across workers (each would start its own stack).
"""

import io
import re
import time

import psycopg
import pytest
from PIL import Image

from tests.deploy.browser import Browser
from tests.deploy.stack import MEDIA_BUCKET, PRIVATE_BUCKET

# Marked so pytest-django makes the test database, which the stack copies; the test itself
# reads and writes only through the running processes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "deploy-test-password-2026"
MAKE_MEMBERS = f"""
from allauth.account.models import EmailAddress
from members.models import User
for email, first in [("asha@example.org", "Asha"), ("ben@example.org", "Ben")]:
    user = User.objects.create_user(email=email, password="{PASSWORD}", first_name=first, last_name="Tester")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
editor = User.objects.create_superuser(email="ed@example.org", password="{PASSWORD}", first_name="Ed")
EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
"""
EVIDENCE = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upstreams(responses) -> set[str]:
    return {response.upstream for response in responses}


def session_made_through_one_process_works_through_the_other(stack, asha: Browser) -> None:
    asha.log_in("asha@example.org", PASSWORD, via="web1")
    for via in ("web2", "web1"):
        response = asha.get("/account/", via=via)
        assert response.status == 200, (via, response.status)
        assert "asha@example.org" in response.text
    through_nginx = [asha.get("/account/") for _ in range(4)]
    assert [r.status for r in through_nginx] == [200] * 4
    assert upstreams(through_nginx) == {
        f"127.0.0.1:{stack.ports['web1']}",
        f"127.0.0.1:{stack.ports['web2']}",
    }


def evidence_is_private_and_shared_by_both_processes(stack, asha: Browser, ben: Browser) -> str:
    draft = asha.post("/my/records/new/autosave/", {"title": "Reflection on a home visit"}, via="web1")
    assert draft.status == 200, draft.text[:1000]
    record_url = re.sub(r"autosave/$", "", draft.json()["autosave_url"])
    upload = asha.request(
        "POST",
        f"{record_url}evidence/",
        via="web1",
        fields={"description": "Supervision notes"},
        files={"file": ("notes.pdf", EVIDENCE, "application/pdf")},
    )
    assert upload.status == 302, upload.text[:2000]
    detail = asha.get(record_url, via="web2")
    [download_url] = set(re.findall(rf'href="({record_url}evidence/\d+/)"', detail.text))

    for via in ("web2", "web1", "nginx"):
        response = asha.get(download_url, via=via)
        assert (response.status, response.body) == (200, EVIDENCE), via
        assert "no-store" in response.headers["Cache-Control"]
    ben.log_in("ben@example.org", PASSWORD, via="web2")
    for via in ("web1", "web2", "nginx"):
        assert ben.get(download_url, via=via).status == 404, via

    s3 = stack.s3()
    private = [item["Key"] for item in s3.list_objects_v2(Bucket=PRIVATE_BUCKET).get("Contents", [])]
    assert len(private) == 1 and private[0].endswith(".pdf")
    assert s3.list_objects_v2(Bucket=MEDIA_BUCKET).get("KeyCount") == 0, "evidence never goes to public media"
    return download_url


def no_member_gets_another_members_page(stack, asha: Browser, ben: Browser) -> None:
    anonymous = Browser(stack)
    for _ in range(2):
        for person, email in ((asha, "asha@example.org"), (ben, "ben@example.org"), (anonymous, None)):
            home = person.get("/")
            assert home.status == 200
            assert ("Log out" in home.text) is (email is not None)
            profile = person.get("/account/")
            if email is None:
                assert profile.status == 302
                continue
            assert email in profile.text
            other = "ben@example.org" if email == "asha@example.org" else "asha@example.org"
            assert other not in profile.text
            # Any HTTP cache between here and the app must key a member's page on their cookie.
            assert "cookie" in profile.headers.get("Vary", "").lower()
    assert anonymous.cookies.get("csrftoken") != asha.cookies.get("csrftoken")


PUBLISH = """
from wagtail.models import Site
from cms.models import StandardPage
page = StandardPage.objects.filter(slug="opening-hours").first()
if page is None:
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=StandardPage(title="Opening hours", slug="opening-hours"))
page.intro = "{intro}"
page.save_revision().publish()
"""


def anonymous_intro(stack, via: str) -> str:
    response = Browser(stack).get("/opening-hours/", via=via)
    assert response.status == 200, (via, response.status)
    return re.search(r"Open [^<]*", response.text).group(0)


def a_publish_clears_the_cached_page_for_both(stack) -> None:
    stack.manage("shell", "-c", PUBLISH.format(intro="Open 9 to 5"))
    assert anonymous_intro(stack, "web1") == "Open 9 to 5"
    # Changed behind Wagtail's back (no publish, no signal): both processes still answer from
    # the one cache in Redis, which web1 filled.
    with psycopg.connect(stack.database_url) as db:
        db.execute("UPDATE cms_standardpage SET intro = 'Open never'")
    assert anonymous_intro(stack, "web2") == "Open 9 to 5"
    # A publish, here from a third process, moves the cache generation on for everyone.
    stack.manage("shell", "-c", PUBLISH.format(intro="Open 8 to 6"))
    assert anonymous_intro(stack, "web2") == "Open 8 to 6"
    assert anonymous_intro(stack, "web1") == "Open 8 to 6"
    assert anonymous_intro(stack, "nginx") == "Open 8 to 6"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 79, 108)).save(buffer, "PNG")
    return buffer.getvalue()


def an_upload_queues_tasks_the_worker_runs(stack) -> None:
    """An editor's image goes to the public bucket; indexing it is queued for the worker."""
    editor = Browser(stack)
    editor.log_in("ed@example.org", PASSWORD, via="web2")
    added = editor.request(
        "POST",
        "/admin/images/add/",
        via="web2",
        fields={"title": "Team photo"},
        files={"file": ("team.png", png(), "image/png")},
    )
    assert added.status == 302, added.text[:3000]
    keys = [item["Key"] for item in stack.s3().list_objects_v2(Bucket=MEDIA_BUCKET).get("Contents", [])]
    assert [key for key in keys if key.startswith("original_images/")], keys

    rows = wait_for_tasks(stack, "modelsearch.tasks.insert_or_update_object_task")
    paths = {path for path, _, _ in rows}
    assert "modelsearch.tasks.insert_or_update_object_task" in paths, paths
    assert all(status == "SUCCESSFUL" and worker_ids for _, status, worker_ids in rows), rows


ISSUE_ATTENDANCE = """
import datetime
from django.utils import timezone
from wagtail.models import Site
from learning_records.bookings import issuing, register, services
from members.models import User
from tests.cms.factories import CourseCohortFactory, CourseIndexPageFactory, CoursePageFactory
home = Site.objects.get(is_default_site=True).root_page
index = CourseIndexPageFactory(parent=home)
course = CoursePageFactory(parent=index, title="Systemic practice", audiences=[], members_book_here=True)
days = [timezone.localdate() - datetime.timedelta(weeks=n) for n in (6, 4, 2)]
cohort = CourseCohortFactory(
    course=course, start_date=days[0], end_date=days[-1], session_dates=[d.isoformat() for d in days]
)
asha = User.objects.get(email="asha@example.org")
booked_at = timezone.now() - datetime.timedelta(weeks=10)
booking = services.book(member=asha, cohort=cohort, now=booked_at)
for day in days:
    register.take_register(cohort, day, {booking.pk: "present"}, by=None)
print(issuing.issue_attendance_certificates(cohort, issued_by=None).in_words())
"""


def wait_for_tasks(stack, task_path: str) -> list[tuple]:
    """Every queued task, once none is waiting; at least one of them is `task_path`."""
    deadline = time.monotonic() + 30
    with psycopg.connect(stack.database_url) as db:
        while True:
            rows = db.execute(
                "SELECT task_path, status, worker_ids FROM django_tasks_database_dbtaskresult"
            ).fetchall()
            if {path for path, _, _ in rows} >= {task_path} and all(
                status in {"SUCCESSFUL", "FAILED"} for _, status, _ in rows
            ):
                return rows
            assert time.monotonic() < deadline, f"the worker left tasks waiting: {rows}"
            time.sleep(0.3)


def bulk_issued_certificates_are_rendered_by_the_worker(stack, asha: Browser, ben: Browser) -> None:
    """Issuing to a cohort queues each PDF; the worker renders it into the private bucket, and only
    its owner downloads it, through either process."""
    assert "Issued 1 attendance certificate" in stack.manage("shell", "-c", ISSUE_ATTENDANCE)
    rows = wait_for_tasks(stack, "learning_records.certificates.tasks.render_certificate")
    assert all(status == "SUCCESSFUL" and worker_ids for _, status, worker_ids in rows), rows
    listing = asha.get("/my/certificates/", via="web1")
    [pdf_url] = set(re.findall(r'href="(/my/certificates/\d+/pdf/)"', listing.text))
    for via in ("web2", "nginx"):
        response = asha.get(pdf_url, via=via)
        assert response.status == 200 and response.body.startswith(b"%PDF-"), via
    assert ben.get(pdf_url, via="web1").status == 404
    private = [item["Key"] for item in stack.s3().list_objects_v2(Bucket=PRIVATE_BUCKET).get("Contents", [])]
    assert any(key.startswith("certificates/") for key in private), private


def test_two_processes_behind_nginx(stack):
    stack.manage("shell", "-c", MAKE_MEMBERS)
    asha, ben = Browser(stack), Browser(stack)

    session_made_through_one_process_works_through_the_other(stack, asha)
    evidence_is_private_and_shared_by_both_processes(stack, asha, ben)
    a_publish_clears_the_cached_page_for_both(stack)
    no_member_gets_another_members_page(stack, asha, ben)
    an_upload_queues_tasks_the_worker_runs(stack)
    bulk_issued_certificates_are_rendered_by_the_worker(stack, asha, ben)
    assert Browser(stack).get("/healthz").json() == {"status": "ok"}
