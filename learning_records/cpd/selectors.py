"""Read-only CPD helpers: a member's standing in a registration year, standards coverage, and the
prefill of a new record from a Praxis course, event or research page ("Record this as CPD").

Public read helper for other domains (certificates):
    `year_summary(member=user, year=2026)` -> rules.YearSummary for "2025-26": counting records,
    peer reflections, hours, `is_complete`, `missing` (plain sentences), `days_left`.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page, Site

from cms.models import CoursePage, EventPage, Framework, ResearchOutputPage, SiteSettings, Statement
from learning_records.cpd import rules
from learning_records.cpd.models import CPDActivityType, CPDRecord

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


FACT_FIELDS = ["status", "start_date", "end_date", "hours", "peer_role", "peer_date", "peer_learning"]


def record_facts(rows: Iterable[dict]) -> list[rules.RecordFacts]:
    return [
        rules.RecordFacts(
            submitted=row["status"] == CPDRecord.Status.SUBMITTED,
            start_date=row["start_date"],
            end_date=row["end_date"],
            has_peer_reflection=rules.has_peer_reflection(
                row["peer_role"], row["peer_date"], row["peer_learning"]
            ),
            hours=row["hours"],
        )
        for row in rows
    ]


def year_summary(*, member, year: int, today: datetime.date | None = None) -> rules.YearSummary:
    """A member's standing in one registration year (one query). See the module docstring."""
    today = today or timezone.localdate()
    rows = CPDRecord.objects.for_member(member).touching_registration_year(year).values(*FACT_FIELDS)
    return rules.summarise_year(year, record_facts(rows), today)


def year_summaries(*, member, today: datetime.date | None = None) -> dict[int, rules.YearSummary]:
    """Every year the member has records in, plus the current year, newest first (one query)."""
    today = today or timezone.localdate()
    facts = record_facts(CPDRecord.objects.for_member(member).values(*FACT_FIELDS))
    years = {rules.registration_year_of(today)}
    for fact in facts:
        if fact.activity_date:
            years.add(rules.registration_year_of(fact.activity_date))
    return {year: rules.summarise_year(year, facts, today) for year in sorted(years, reverse=True)}


@dataclass
class CoverageRow:
    statement: Statement
    in_year: int = 0
    all_years: int = 0


@dataclass
class FrameworkCoverage:
    framework: Framework
    rows: list[CoverageRow] = field(default_factory=list)

    @property
    def evidenced_in_year(self) -> int:
        return sum(1 for row in self.rows if row.in_year)

    @property
    def evidenced_ever(self) -> int:
        return sum(1 for row in self.rows if row.all_years)


def standards_coverage(*, member, year: int, today: datetime.date | None = None) -> list[FrameworkCoverage]:
    """For each framework, how many of the member's submitted records evidence each statement in
    the year and over all years. Two queries."""
    today = today or timezone.localdate()
    through = CPDRecord.statements.through
    links = through.objects.filter(
        cpdrecord__member=member, cpdrecord__status=CPDRecord.Status.SUBMITTED
    ).values_list("statement_id", "cpdrecord__registration_year")
    in_year: dict[int, int] = {}
    all_years: dict[int, int] = {}
    for statement_id, record_year in links:
        all_years[statement_id] = all_years.get(statement_id, 0) + 1
        if record_year == year:
            in_year[statement_id] = in_year.get(statement_id, 0) + 1
    current = Framework.objects.current_on(min(today, rules.year_bounds(year)[1])).values("pk")
    statements = (
        Statement.objects.filter(Q(framework__in=current) | Q(pk__in=list(all_years)))
        .select_related("framework")
        .order_by("framework__name", "framework_id", "sort_order", "pk")
    )
    grouped: dict[int, FrameworkCoverage] = {}
    for statement in statements:
        coverage = grouped.setdefault(statement.framework_id, FrameworkCoverage(statement.framework))
        coverage.rows.append(
            CoverageRow(statement, in_year.get(statement.pk, 0), all_years.get(statement.pk, 0))
        )
    return list(grouped.values())
