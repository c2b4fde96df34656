"""The Centre for Social Work and its Practice Leader Development Programme.

The requirement rows follow the Centre's description of the programme (DESIGN.md): the day
logs on the programme branch are checked against them, so the limits here are the real rules.
"""

from decimal import Decimal

from cms.models import ActivityType, Phase, ProgrammeIndexPage, ProgrammePage

from . import media
from .utils import call_to_action, fact_box, heading, paragraph, people_list, upsert_page

PREP = Phase.PREPARATORY
IN_ROLE = Phase.IN_ROLE

# (activity, phase, min days, max days, mentor attends, notes for aspirants)
REQUIREMENTS = [
    (
        ActivityType.RESIDENTIAL,
        PREP,
        "2",
        "2",
        True,
        "A two-day residential at the start. Your mentor joins you on day two.",
    ),
    (
        ActivityType.SEMINAR,
        PREP,
        "8",
        "12",
        False,
        "About one a month: a speaker in the morning, work on real dilemmas in the afternoon. "
        "Attend at least 8. Mentors are encouraged to come too.",
    ),
    (
        ActivityType.MENTOR_AUTHORITY_DAY,
        PREP,
        "0",
        "5",
        False,
        "Up to 5 days in your mentor's authority, seeing how another service leads practice.",
    ),
    (
        ActivityType.MENTOR_VISIT_DAY,
        PREP,
        "0",
        "2",
        True,
        "Your mentor joins you in your own authority for up to 2 days.",
    ),
    (
        ActivityType.SERVICE_PROJECT,
        PREP,
        "1",
        None,
        False,
        "A service development project in your authority, agreed at the start by you, your mentor "
        "and your manager. Log the days you spend on it.",
    ),
    (
        ActivityType.OFSTED_EXERCISE,
        PREP,
        "0",
        "2",
        False,
        "Optional: take part in a modified, two-day Ofsted inspection exercise.",
    ),
    (
        ActivityType.MENTORING,
        IN_ROLE,
        "3",
        None,
        True,
        "Regular mentor input through your first year in a practice leader role: plan at least "
        "six half-day sessions.",
    ),
]

PHASES = [
    (
        PREP,
        "About 12 months",
        "<p>Before you take up a practice leader role: a residential, monthly seminars, days in "
        "your mentor's authority and a service development project in your own.</p>",
    ),
    (
        IN_ROLE,
        "Your first year as a practice leader",
        "<p>Once you are in a practice leader role, your mentor keeps meeting you regularly as "
        "you put what you learnt into practice.</p>",
    ),
]


def load_centre_index(demo):
    return upsert_page(
        demo.home,
        ProgrammeIndexPage,
        slug="centre-for-social-work",
        title="Centre for Social Work",
        show_in_menus=True,
        intro="<p>The Centre for Social Work at Riverside University runs the partnership's "
        "accredited courses and its programmes for practice leaders.</p>",
        listing_summary="The partnership's Centre for Social Work: courses and leadership programmes.",
        search_description="The Centre for Social Work runs accredited courses and the Practice Leader "
        "Development Programme.",
        listing_image=media.topic_image(
            "Centre for Social Work", "programme", "Abstract shapes in green and gold"
        ),
        body=[
            heading("What the Centre does"),
            paragraph(
                "<p>The Centre brings practitioners, managers and academics from every partner "
                "organisation together. It designs courses with the authorities that send people "
                "on them, so what is taught on Tuesday can be used on Wednesday.</p>"
            ),
            fact_box(
                [
                    ("5", "accredited courses"),
                    ("24", "aspiring practice leaders a year"),
                    ("8", "partner organisations"),
                ],
                title="The Centre in numbers",
            ),
            people_list([demo.people["marsh"], demo.people["adeyemi"]], "Who runs the Centre"),
            call_to_action(
                "Looking for a course?",
                "Every course has places set aside for each partner authority.",
                page=demo.pages["courses"],
                label="See the courses",
            ),
        ],
    )


def load_programme(demo):
    return upsert_page(
        demo.pages["centre"],
        ProgrammePage,
        slug="practice-leader-development-programme",
        title="Practice Leader Development Programme",
        summary="A two-phase programme for experienced social workers preparing to become "
        "practice leaders: a year of preparation with a mentor from another authority, then "
        "support through your first year in the role.",
        listing_summary="Preparing experienced social workers to lead practice, with a mentor "
        "from another authority.",
        search_description="The Practice Leader Development Programme (PLDP): preparation and "
        "mentoring for aspiring practice leaders.",
        listing_image=media.topic_image(
            "Practice Leader Development Programme", "programme", "Abstract image in greens for the programme"
        ),
        who_can_apply="<ul><li>Registered social workers with at least three years' post-qualifying "
        "experience in a partner authority.</li><li>People whose manager supports them to "
        "take on a practice leadership role within two years.</li></ul>",
        how_to_apply="<p>Applications open each spring. Your authority nominates up to five "
        "aspirants, and the Centre matches each with a mentor from another authority.</p>"
        "<ol><li>Talk to your principal social worker.</li><li>Complete the nomination form with "
        "your manager.</li><li>Come to an information session.</li></ol>",
        body=[
            heading("What you do"),
            paragraph(
                "<p>The programme opens with a two-day residential, then meets about once a month "
                "for a seminar: a speaker in the morning and facilitated work on real dilemmas in "
                "the afternoon. Between seminars you spend up to five days in your mentor's "
                "authority, and your mentor spends up to two days with you in yours.</p><p>At the "
                "start you agree a service development project with your mentor and your manager, "
                "and carry it out in your own authority. You can also take part in a modified, "
                "two-day Ofsted inspection exercise.</p>"
            ),
            heading("Recording your days"),
            paragraph(
                "<p>Log each day in your programme record. Praxis checks it against the limits "
                "below and tells you straight away if a day would go over one.</p>"
            ),
            people_list([demo.people["adeyemi"], demo.people["marsh"]], "Programme tutors"),
        ],
        children={
            "phases": (
                [{"phase": p, "duration": d, "description": text} for p, d, text in PHASES],
                ("phase",),
            ),
            "requirements": (
                [
                    {
                        "activity_type": activity,
                        "phase": phase,
                        "min_days": Decimal(minimum),
                        "max_days": Decimal(maximum) if maximum else None,
                        "mentor_attends": mentor,
                        "notes": notes,
                    }
                    for activity, phase, minimum, maximum, mentor, notes in REQUIREMENTS
                ],
                ("activity_type", "phase"),
            ),
        },
    )
