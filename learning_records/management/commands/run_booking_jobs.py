"""Expire booking offers past their time and send the reminders due (bookings/jobs.py).

deploy/systemd/praxis-booking-jobs.timer runs it every 15 minutes; it is safe to run again at
any time, or on two hosts at once."""

from django.core.management.base import BaseCommand

from learning_records.bookings import jobs


class Command(BaseCommand):
    help = "Expire booking offers past their time (offering the places on) and send the reminders due."

    def handle(self, *args, **options):
        done = jobs.run()
        self.stdout.write(
            f"Offers expired: {done.offers_expired}; places offered: {done.places_offered}; "
            f"reminders sent: {done.reminders_sent}."
        )
