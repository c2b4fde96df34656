"""What "Delete my account" does to programme records (see members.account_deletion).

An aspirant's enrolments are their own record and go with the account. A mentor's go on: the
aspirant's record is theirs, so it keeps the mentor's name and staff assign a new mentor.
"""

from learning_records.programme.models import Enrolment


def notices(*, member) -> list[str]:
    notices = []
    programmes = list(
        Enrolment.objects.for_aspirant(member).values_list("cohort__programme__title", flat=True).distinct()
    )
    if programmes:
        notices.append(
            f"Your {' and '.join(programmes)} record will be deleted: your logged days, the mentor log "
            "and your service development project. Your mentor and your manager will no longer see it."
        )
    mentored = Enrolment.objects.mentored_by(member).count()
    if mentored:
        plural = "s" if mentored != 1 else ""
        notices.append(
            f"You mentor {mentored} aspiring practice leader{plural}. Their programme records stay "
            "theirs: the days you confirmed, your mentor log entries and the plans you agreed are kept "
            "with your name as their former mentor, and programme staff will assign a new mentor."
        )
    return notices
