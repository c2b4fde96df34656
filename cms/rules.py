"""Content rules that both the page models and their admin forms check."""

# A change project's team comes from an open call; Research in Practice caps it at seven agencies.
MAX_PARTNER_AGENCIES = 7


def partner_agency_count_error(count: int) -> str:
    """The message an editor sees when too many partner agencies are chosen, or '' if fine."""
    if count <= MAX_PARTNER_AGENCIES:
        return ""
    return (
        f"A change project can have at most {MAX_PARTNER_AGENCIES} partner agencies; "
        f"{count} are chosen. Remove {count - MAX_PARTNER_AGENCIES} to save."
    )
