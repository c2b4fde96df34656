"""A member's bookings: book from a course or event page (a link, then one confirming click),
My bookings, cancel with a confirmation step, accept or decline an offered place, and the
private calendar feed (its secret URL, and resetting it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms.models import CourseCohort, EventPage
from learning_records.bookings import calendar, selectors, services
from learning_records.bookings.certificate import AttendanceKind
from learning_records.bookings.models import Booking, CalendarFeed
from learning_records.certificates.models import Certificate
from learning_records.cpd.models import CPDRecord


def _confirmation(booking: Booking) -> str:
    if booking.status == Booking.Status.CONFIRMED:
        return f"Your place on {booking.target_label()} is confirmed."
    position = selectors.waiting_position(booking)
    return f"{booking.target_label()} is full, so you are number {position} on the waiting list."


def _book(request, *, cohort=None, event=None, title: str, page):
    member = request.user
    if request.method == "POST":
        try:
            booking = services.book(member=member, cohort=cohort, event=event)
        except services.BookingRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _confirmation(booking))
            return redirect("bookings:list")
    outlook = selectors.outlook(member, cohort=cohort, event=event, now=timezone.now())
    return render(
        request,
        "learning_records/bookings/book.html",
        {
            "title": title,
            "page": page,
            "cohort": cohort,
            "event": event,
            "refusal": outlook.refusal,
            "full": outlook.full_message,
        },
    )


@login_required
def book_cohort(request, pk: int):
    cohort = get_object_or_404(CourseCohort.objects.select_related("course"), pk=pk, course__live=True)
    return _book(request, cohort=cohort, title=f"{cohort.course.title}: {cohort.name}", page=cohort.course)


@login_required
def book_event(request, pk: int):
    event = get_object_or_404(EventPage.objects.live(), pk=pk)
    return _book(request, event=event, title=event.title, page=event)


@login_required
def booking_list(request):
    bookings = list(
        Booking.objects.filter(member=request.user)
        .select_related("cohort__course", "event")
        .order_by("-created_at")
    )
    today = timezone.localdate()

    def starts(booking):
        return booking.cohort.start_date if booking.cohort_id else timezone.localdate(booking.event.start)

    active = [b for b in bookings if b.status in Booking.ACTIVE]
    context = {
        "offered": [b for b in active if b.status == Booking.Status.OFFERED],
        "upcoming": sorted(
            (b for b in active if b.status == Booking.Status.CONFIRMED and starts(b) >= today), key=starts
        ),
        "waiting": [(b, selectors.waiting_position(b)) for b in active if b.status == Booking.Status.WAITING],
        "past": with_what_followed(
            request.user, [b for b in bookings if b not in active or starts(b) < today][:50]
        ),
    }
    context["feed_url"] = calendar.feed_url(calendar.feed_for(request.user))
    context["feed_webcal_url"] = "webcal://" + context["feed_url"].split("://", 1)[1]
    return render(request, "learning_records/bookings/list.html", context)


def with_what_followed(member, past: list[Booking]) -> list[Booking]:
    """Mark each past place with its certificate of attendance and its provider-confirmed CPD
    record, if any (`has_certificate`, `cpd_record_id`): two queries, however many places."""
    records = dict(
        CPDRecord.objects.filter(member=member, booking__in=[b.pk for b in past]).values_list(
            "booking_id", "pk"
        )
    )
    certified = set(
        Certificate.objects.for_member(member)
        .of_kind(AttendanceKind.code)
        .current()
        .valid()
        .values_list("subject_key", flat=True)
    )
    for booking in past:
        booking.cpd_record_id = records.get(booking.pk)
        booking.has_certificate = bool(booking.cohort_id) and f"cohort:{booking.cohort_id}" in certified
    return past


def _own(request, pk: int) -> Booking:
    """The member's own booking, or 404: another member's booking does not exist here."""
    return get_object_or_404(
        Booking.objects.select_related("cohort__course", "event"), pk=pk, member=request.user
    )


@login_required
def cancel(request, pk: int):
    booking = _own(request, pk)
    if booking.status not in Booking.ACTIVE:
        messages.info(request, "That booking is no longer active.")
        return redirect("bookings:list")
    if request.method == "POST":
        what = "place" if booking.status in Booking.HOLDING else "place on the waiting list"
        services.cancel(booking)
        messages.success(request, f"Your {what} for {booking.target_label()} is cancelled.")
        return redirect("bookings:list")
    return render(request, "learning_records/bookings/cancel.html", {"booking": booking})


@require_POST
@login_required
def answer_offer(request, pk: int):
    booking = _own(request, pk)
    try:
        if request.POST.get("answer") == "accept":
            services.accept_offer(booking)
            messages.success(request, f"Your place on {booking.target_label()} is confirmed.")
        else:
            services.decline_offer(booking)
            messages.success(request, "You declined the place; it goes to the next person waiting.")
    except services.BookingRefused as refused:
        messages.error(request, refused.message)
    return redirect("bookings:list")


@login_required
def reset_calendar_feed(request):
    if request.method == "POST":
        calendar.reset_feed(request.user)
        messages.success(
            request,
            "Your calendar link is reset, and the old one no longer works. "
            "Add the new link below to your calendar app.",
        )
        return redirect(f"{reverse('bookings:list')}#calendar-heading")
    return render(request, "learning_records/bookings/reset_calendar_feed.html")


def calendar_feed(request, secret: str):
    """The member's calendar, for their calendar app. A wrong or reset secret: 404."""
    feed = CalendarFeed.objects.select_related("member").filter(secret=secret, member__is_active=True).first()
    if feed is None:
        raise Http404
    response = HttpResponse(
        calendar.member_feed(feed.member, request=request).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="praxis-bookings.ics"'
    # The URL is a credential and the calendar personal: never stored by the site or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response
