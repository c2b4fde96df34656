"""The task worker's part in issuing: rendering the PDFs of certificates issued in bulk.

Issuing to a whole cohort at once (bookings/issuing.py) would otherwise render every PDF inside
the staff member's request. `issue_certificate(defer_pdf=True)` queues one task per certificate
once the issue commits; a render that fails (storage down) is logged and tried again with
backoff (config/task_retry.py), and the certificate shows as being prepared until it is done.
"""

from config.task_retry import retrying_task

RENDER_ATTEMPTS = 5
RENDER_BACKOFF_SECONDS = 30


@retrying_task(max_attempts=RENDER_ATTEMPTS, backoff_seconds=RENDER_BACKOFF_SECONDS)
def render_certificate(certificate_id: int) -> bool:
    """Render and store one certificate's PDF; False when it had one already or is gone."""
    from learning_records.certificates.services import render_pending_pdf  # services queue this task

    return render_pending_pdf(certificate_id)
