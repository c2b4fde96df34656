"""Print, as JSON, what a Praxis site answers: every live page, search, and a certificate's
verification (by code, and for its PDF from the private bucket). Run with DJANGO_SETTINGS_MODULE
and the site's environment; the backup test compares a site with its restored copy this way.
"""

import hashlib
import json
import re

import django

django.setup()

from bs4 import BeautifulSoup  # noqa: E402

from django.core.files.storage import storages  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Page  # noqa: E402

# Values that differ between two copies of one site without meaning anything.
NOISE = [
    (re.compile(r'(name="csrfmiddlewaretoken"[^>]*value=)"[^"]+"'), r'\1""'),
    (re.compile(r"https?://127\.0\.0\.1:\d+/[a-z-]+-media/"), "MEDIA/"),
]


# A person's interests are tags listed without an ORDER BY, so their order follows the rows'
# physical order, which a restore changes. Compared as sorted lists until the page orders them.
INTERESTS = re.compile(r"<p>Interests: ([^<]*)</p>")


def main_html(response) -> str:
    main = BeautifulSoup(response.content, "html.parser").find("main")
    text = str(main) if main else response.content.decode("utf-8", "replace")
    for pattern, replacement in NOISE:
        text = pattern.sub(replacement, text)
    return INTERESTS.sub(lambda m: f"<p>Interests: {', '.join(sorted(m.group(1).split(', ')))}</p>", text)


def answers() -> dict:
    client = Client(HTTP_HOST="127.0.0.1")
    urls = sorted(page.url for page in Page.objects.live().public().exclude(depth=1).specific())
    urls.append("/search/?query=practice")
    with connection.cursor() as cursor:
        cursor.execute("SELECT verification_code, pdf FROM learning_records_certificate ORDER BY serial")
        certificates = cursor.fetchall()
    result = {"pages": {}, "certificates": {}}
    for url in urls:
        response = client.get(url, secure=True, follow=True)
        result["pages"][url] = [response.status_code, main_html(response)]
    for code, pdf in certificates:
        verify = client.get(f"/verify/{code}/", secure=True, follow=True)
        with storages["private"].open(pdf, "rb") as handle:
            content = handle.read()
        compared = client.post(verify.request["PATH_INFO"], {"file": _upload(pdf, content)}, secure=True)
        result["certificates"][code] = {
            "status": verify.status_code,
            "page": main_html(verify),
            "pdf_sha256": hashlib.sha256(content).hexdigest(),
            "identical": "The file is identical" in compared.content.decode(),
        }
    return result


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name.rsplit("/", 1)[-1], content, content_type="application/pdf")


if __name__ == "__main__":
    print(json.dumps(answers()))
