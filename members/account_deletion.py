"""What deleting an account will do beyond the profile, told by each app without members importing it.

Each app may provide an `account_deletion` module with
`notices(*, member) -> list[str]`: plain sentences shown on the "Delete your account" page before
the member confirms (the same discovery pattern as `members.member_data`, which this module
also follows for members' own part: the page already says the profile goes).
"""

import importlib
import importlib.util

from django.apps import apps


def notices(*, member) -> list[str]:
    return []


def deletion_notices(*, member) -> list[str]:
    notices = []
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.account_deletion"
        if importlib.util.find_spec(name) is None:
            continue
        notices += importlib.import_module(name).notices(member=member)
    return notices
