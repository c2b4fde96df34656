from django.apps import AppConfig


class LearningRecordsConfig(AppConfig):
    name = "learning_records"
    verbose_name = "Learning records"
    # What each domain gives the rest of the site (config/contributions.py), in this order.
    contributions = {
        "member_data": [
            "learning_records.cpd.member_data",
            "learning_records.programme.member_data",
            "learning_records.member_data.certificates",
        ],
        "account_deletion": ["learning_records.programme.account_deletion"],
        "demo": [
            "learning_records.cpd.demo",
            "learning_records.programme.demo",
            "learning_records.demo.certificates",
        ],
        "certificate_kinds": [
            "learning_records.certificates.cpd_statement",
            "learning_records.certificates.programme_completion",
        ],
    }
    # After the members' and the site's demo content, whose people and pages the records use.
    contributions_order = {"member_data": 30, "demo": 30}

    def ready(self):
        from config.contributions import contributions
        from learning_records import checks  # noqa: F401  (registers the system checks)
        from learning_records.cpd import signals  # noqa: F401  (connects the evidence file clean-up)

        contributions("certificate_kinds")  # each module registers its kind when imported
