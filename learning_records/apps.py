from django.apps import AppConfig


class LearningRecordsConfig(AppConfig):
    name = "learning_records"
    verbose_name = "Learning records"
    # What each domain gives the rest of the site (config/contributions.py), in this order.
    contributions = {
        "member_data": [
            "learning_records.cpd.member_data",
            "learning_records.programme.member_data",
            "learning_records.certificates.member_data",
            "learning_records.bookings.member_data",
        ],
        "account_deletion": [
            "learning_records.programme.account_deletion",
            "learning_records.certificates.account_deletion",
            "learning_records.bookings.account_deletion",
        ],
        "demo": [
            "learning_records.cpd.demo",
            "learning_records.programme.demo",
            "learning_records.bookings.demo",
            "learning_records.certificates.demo",
        ],
        "certificate_kinds": [
            "learning_records.cpd.certificate",
            "learning_records.programme.certificate",
            "learning_records.bookings.certificate",
        ],
    }
    # After the members' and the site's demo content, whose people and pages the records use.
    contributions_order = {"member_data": 30, "demo": 30}

    def ready(self):
        from config.contributions import contributions
        from learning_records import checks  # noqa: F401  (registers the system checks)
        from learning_records.bookings import signals as booking_signals  # noqa: F401
        from learning_records.certificates import signals as certificate_signals  # noqa: F401
        from learning_records.cpd import signals as cpd_signals  # noqa: F401  (one module per domain)

        contributions("certificate_kinds")  # each module registers its kind when imported
