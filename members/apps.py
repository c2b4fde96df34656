from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from . import security_log  # noqa: F401 (connects the login and lockout receivers)
