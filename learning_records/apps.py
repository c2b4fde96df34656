from django.apps import AppConfig


class LearningRecordsConfig(AppConfig):
    name = "learning_records"
    verbose_name = "Learning records"

    def ready(self):
        from learning_records import checks  # noqa: F401  (registers the system checks)
        from learning_records.certificates import load_kinds
        from learning_records.cpd import signals  # noqa: F401  (connects the evidence file clean-up)

        load_kinds()
