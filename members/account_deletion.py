"""What deleting an account will do beyond the profile, told by each app without members importing it.

Each app declares its `account_deletion` modules on its AppConfig (config/contributions.py); each
has `notices(*, member) -> list[str]`: plain sentences shown on the "Delete your account" page
before the member confirms (the page itself already says the profile goes).
"""

from config.contributions import contributions


def deletion_notices(*, member) -> list[str]:
    return [notice for part in contributions("account_deletion") for notice in part.notices(member=member)]
