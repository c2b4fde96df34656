"""Bookings' signal handlers, connected by LearningRecordsConfig.ready()."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from learning_records.bookings import services
from learning_records.bookings.models import Booking


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="bookings_free_places_of_deleted_account")
def free_places_of_deleted_account(sender, instance, **kwargs):
    # The bookings go with the account by cascade; first, each place it held goes to the next in line.
    for booking in Booking.objects.filter(member=instance).holding():
        services.cancel(booking)
