from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"
    # See config/contributions.py. Members' own part of "download all my data" (the profile)
    # comes first; the demo organisations and members come before the pages that name them.
    contributions = {"member_data": ["members.member_data"], "demo": ["members.demo"]}
    contributions_order = {"member_data": 10, "demo": 10}

    def ready(self):
        from config import contributions  # noqa: F401  (registers the system check)

        from . import security_log  # noqa: F401 (connects the login and lockout receivers)
