from django.apps import AppConfig


class LearningRecordsConfig(AppConfig):
    name = "learning_records"
    verbose_name = "Learning records"

    def ready(self):
        from . import signals  # noqa: F401  (connects the evidence file clean-up)
