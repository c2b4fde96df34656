"""What "Delete my account" does to the member's certificates (see members.account_deletion)."""

from learning_records.certificates.models import Certificate


def notices(*, member) -> list[str]:
    notices = []
    certificates = Certificate.objects.for_member(member).count()
    if certificates:
        plural = "s" if certificates != 1 else ""
        notices.append(
            f"Your {certificates} certificate{plural} will be deleted. Anyone who then checks one "
            "with its code or QR code will be told it was not found, so download them first if you "
            "may need to show them."
        )
    return notices
