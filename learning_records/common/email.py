"""Emails from templates with an HTML part and attachments, sent by a domain's tasks.

An email that fails (the mail server is down) is logged and sent again later with backoff
(config/task_retry.py), up to EMAIL_ATTEMPTS times: decorate the task with `email_task`.
The programme and bookings emails both send through here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from config.task_retry import retrying_task

# Five attempts over about a quarter of an hour (1, 2, 4 and 8 minutes apart).
EMAIL_ATTEMPTS = 5
EMAIL_BACKOFF_SECONDS = 60
email_task = retrying_task(max_attempts=EMAIL_ATTEMPTS, backoff_seconds=EMAIL_BACKOFF_SECONDS)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


def send_templated_email(
    name: str,
    context: dict,
    to: list[str],
    *,
    html_template: str | None = None,
    attachments: tuple[Attachment, ...] = (),
) -> None:
    """Email from templates/learning_records/email/<name>_subject.txt and <name>.txt.

    `html_template`, if given, renders the HTML part; it gets the plain text as `body`."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = " ".join(render_to_string(f"learning_records/email/{name}_subject.txt", context).split())
    body = render_to_string(f"learning_records/email/{name}.txt", context)
    message = EmailMultiAlternatives(subject, body, None, to)
    if html_template:
        message.attach_alternative(
            render_to_string(html_template, {**context, "subject": subject, "body": body}), "text/html"
        )
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.send()
