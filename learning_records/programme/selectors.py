"""Read-outs of an aspirant's progress against the programme's requirement rows, for the
dashboards and the staff's cohort overview. Each runs a fixed number of queries, however many
days are logged or aspirants enrolled."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from cms.models import Phase, ProgrammeRequirement
from learning_records.programme import rules
from learning_records.programme.models import Cohort, Enrolment, ProgrammeDay

# Progress --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequirementProgress:
    requirement: ProgrammeRequirement
    progress: rules.Progress

    @property
    def label(self) -> str:
        return self.requirement.get_activity_type_display()


def progress_by_phase(
    requirements: list[ProgrammeRequirement], totals: dict[tuple[str, str], dict]
) -> dict[str, list[RequirementProgress]]:
    """Requirement rows with their progress, grouped by phase (preparatory first)."""
    grouped: dict[str, list[RequirementProgress]] = {phase: [] for phase in Phase.values}
    for requirement in requirements:
        total = totals.get((requirement.phase, requirement.activity_type), {})
        grouped[requirement.phase].append(
            RequirementProgress(
                requirement=requirement,
                progress=rules.progress_for(
                    min_days=requirement.min_days,
                    max_days=requirement.max_days,
                    done=total.get("done"),
                    confirmed=total.get("confirmed"),
                ),
            )
        )
    return {phase: rows for phase, rows in grouped.items() if rows}


def enrolment_progress(enrolment: Enrolment) -> dict[str, list[RequirementProgress]]:
    """Two queries, however many days are logged: the requirement rows and the totals."""
    requirements = list(enrolment.cohort.programme.requirements.all())
    totals = {(row["phase"], row["activity_type"]): row for row in enrolment.days.all().totals()}
    return progress_by_phase(requirements, totals)


def loggable_requirements(enrolment: Enrolment) -> list[ProgrammeRequirement]:
    """The activities the aspirant can log now: the requirement rows of the current phase."""
    return [r for r in enrolment.cohort.programme.requirements.all() if r.phase == enrolment.phase]


@dataclass(frozen=True)
class OverviewRow:
    enrolment: Enrolment
    cells: list[rules.Progress]
    plan_status: str


def cohort_overview(*, cohort: Cohort, enrolments) -> tuple[list[ProgrammeRequirement], list[OverviewRow]]:
    """One row per aspirant, one cell per requirement, for the staff's cohort overview.

    Three queries whatever the cohort's size: the requirement rows, the enrolments (with their
    people and current plan), and the day totals for all of them at once.
    """
    requirements = sorted(
        cohort.programme.requirements.all(), key=lambda r: (Phase.values.index(r.phase), r.sort_order or 0)
    )
    enrolments = list(enrolments.with_people().select_related("service_project__current_version"))
    totals: dict[tuple[int, str, str], dict] = {
        (row["enrolment_id"], row["phase"], row["activity_type"]): row
        for row in ProgrammeDay.objects.filter(enrolment__in=[e.pk for e in enrolments])
        .order_by()
        .values("enrolment_id", "phase", "activity_type")
        .annotate(done=Sum("days"), confirmed=Sum("days", filter=Q(status=ProgrammeDay.Status.CONFIRMED)))
    }
    rows = []
    for enrolment in enrolments:
        cells = []
        for requirement in requirements:
            total = totals.get((enrolment.pk, requirement.phase, requirement.activity_type), {})
            cells.append(
                rules.progress_for(
                    min_days=requirement.min_days,
                    max_days=requirement.max_days,
                    done=total.get("done"),
                    confirmed=total.get("confirmed"),
                )
            )
        project = getattr(enrolment, "service_project", None)
        plan = project.current_version if project else None
        rows.append(
            OverviewRow(
                enrolment=enrolment,
                cells=cells,
                plan_status=plan.get_status_display() if plan else "No plan yet",
            )
        )
    return requirements, rows


# The member's dashboard -----------------------------------------------------------------------


@dataclass(frozen=True)
class AspirantSummary:
    enrolment: Enrolment
    requirements_met: int
    requirements_total: int
    days_done: Decimal
    days_needed: Decimal
    waiting: int


@dataclass(frozen=True)
class MentorSummary:
    active_aspirants: int
    waiting: int


def aspirant_summary(member) -> AspirantSummary | None:
    """The member's current (or latest) enrolment against the minimums of its current phase.

    Three queries: the enrolment, its requirement rows, and the day totals (with the count of days
    waiting for the mentor). Days beyond a minimum do not count twice towards what is needed.
    """
    enrolment = (
        Enrolment.objects.for_aspirant(member)
        .select_related("cohort__programme")
        .order_by("status", "-cohort__start")  # "active" sorts first
        .first()
    )
    if enrolment is None:
        return None
    totals = list(
        enrolment.days.all()
        .totals()
        .annotate(waiting=Count("pk", filter=Q(status=ProgrammeDay.Status.LOGGED)))
    )
    by_key = {(row["phase"], row["activity_type"]): row for row in totals}
    rows = progress_by_phase(list(enrolment.cohort.programme.requirements.all()), by_key).get(
        enrolment.phase, []
    )
    required = [row.progress for row in rows if row.progress.min_days > 0]
    return AspirantSummary(
        enrolment=enrolment,
        requirements_met=sum(1 for p in required if p.is_met),
        requirements_total=len(required),
        days_done=sum((min(p.done, p.min_days) for p in required), Decimal(0)),
        days_needed=sum((p.min_days for p in required), Decimal(0)),
        waiting=sum(row["waiting"] for row in totals),
    )


def mentor_summary(member) -> MentorSummary | None:
    """How many aspirants the member mentors now and how many of their days wait (one query)."""
    counts = Enrolment.objects.mentored_by(member).aggregate(
        enrolments=Count("pk", distinct=True),
        active=Count("pk", distinct=True, filter=Q(status=Enrolment.Status.ACTIVE)),
        waiting=Count("days", filter=Q(days__status=ProgrammeDay.Status.LOGGED)),
    )
    if not counts["enrolments"]:
        return None
    return MentorSummary(active_aspirants=counts["active"], waiting=counts["waiting"])


def dashboard_programme(*, member) -> dict:
    """Context for the programme box on the member's dashboard: two to four queries in all."""
    return {"programme_as_aspirant": aspirant_summary(member), "programme_as_mentor": mentor_summary(member)}
