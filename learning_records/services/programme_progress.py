"""Read-outs of an aspirant's progress against the programme's requirement rows, for the
dashboards and the staff's cohort overview. Each runs a fixed number of queries, however many
days are logged or aspirants enrolled."""

from dataclasses import dataclass

from django.db.models import Q, Sum

from cms.models import Phase, ProgrammeRequirement
from learning_records.models import Cohort, Enrolment, ProgrammeDay
from learning_records.rules import programme as rules

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
