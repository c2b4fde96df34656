"""A member's bookings, at /my/bookings/."""

from django.urls import path

from learning_records.bookings import views

app_name = "bookings"

urlpatterns = [
    path("my/bookings/", views.booking_list, name="list"),
    path("my/bookings/book/cohort/<int:pk>/", views.book_cohort, name="book_cohort"),
    path("my/bookings/book/event/<int:pk>/", views.book_event, name="book_event"),
    path("my/bookings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("my/bookings/<int:pk>/offer/", views.answer_offer, name="answer_offer"),
    path("my/bookings/calendar/reset/", views.reset_calendar_feed, name="reset_calendar_feed"),
    # No login: the secret is the credential, so a phone's calendar app can fetch it.
    path("my/bookings/calendar/<slug:secret>.ics", views.calendar_feed, name="calendar_feed"),
]
