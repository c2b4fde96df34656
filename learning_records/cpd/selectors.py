"""Prefill a new CPD record from a Praxis course, event or research page ("Record this as CPD")."""

import datetime

from django.utils import timezone

from wagtail.models import Page, Site

from cms.models import CoursePage, EventPage, ResearchOutputPage, SiteSettings
from learning_records.cpd.models import CPDActivityType

EVENT_KINDS = {
    EventPage.Kind.SEMINAR: CPDActivityType.SEMINAR_EVENT,
    EventPage.Kind.WORKSHOP: CPDActivityType.SEMINAR_EVENT,
    EventPage.Kind.LUNCH_WITH_ACADEMICS: CPDActivityType.SEMINAR_EVENT,
    EventPage.Kind.RESIDENTIAL: CPDActivityType.COURSE,
    EventPage.Kind.PRACTICE_EDUCATOR_FORUM: CPDActivityType.REFLECTIVE_GROUP,
    EventPage.Kind.CONFERENCE: CPDActivityType.CONFERENCE,
}


def source_page_for(page_id, *, user=None) -> Page | None:
    """The live, public course, event or research page with this id, or None.

    Private and draft pages are never used, so a member cannot learn a hidden page's details by
    guessing ids.
    """
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    return page if isinstance(page, CoursePage | EventPage | ResearchOutputPage) else None


def _organisation_name(request) -> str:
    site = Site.find_for_request(request) if request else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    return SiteSettings.for_site(site).organisation_name


def _course_cohort(page: CoursePage, today: datetime.date):
    """The cohort a member most likely attended: the one running now, else the latest started."""
    cohorts = list(page.cohorts.all())
    running = [c for c in cohorts if c.start_date <= today <= c.end_date]
    started = [c for c in cohorts if c.start_date <= today]
    if running:
        return running[0]
    if started:
        return max(started, key=lambda c: c.start_date)
    return cohorts[0] if cohorts else None


def initial_from_page(page: Page, *, request=None, today: datetime.date | None = None) -> dict:
    """Form initial values for a record of the given page."""
    today = today or timezone.localdate()
    initial = {"title": page.title[:200]}
    if isinstance(page, EventPage):
        initial["activity_type"] = EVENT_KINDS.get(page.kind, CPDActivityType.SEMINAR_EVENT)
        initial["start_date"] = timezone.localtime(page.start).date()
        end = timezone.localtime(page.end).date()
        initial["end_date"] = end if end != initial["start_date"] else None
        initial["hours"] = page.cpd_hours
        initial["provider"] = _organisation_name(request)
        initial["description"] = page.summary
    elif isinstance(page, CoursePage):
        initial["activity_type"] = CPDActivityType.COURSE
        cohort = _course_cohort(page, today)
        if cohort:
            initial["start_date"], initial["end_date"] = cohort.start_date, cohort.end_date
        initial["hours"] = page.cpd_hours
        initial["provider"] = _organisation_name(request)
        initial["description"] = page.summary
    elif isinstance(page, ResearchOutputPage):
        initial["activity_type"] = CPDActivityType.READING_RESEARCH
        initial["start_date"] = today
        initial["provider"] = page.publisher or _organisation_name(request)
    return {key: value for key, value in initial.items() if value not in (None, "")}
