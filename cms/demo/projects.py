"""Change projects with partner agencies, and the Academics in Practice case study."""

import datetime

from cms.models import ChangeProjectIndexPage, ChangeProjectPage
from members import demo as members

from . import media
from .utils import call_to_action, document_list, heading, paragraph, today, upsert_page

Stage = ChangeProjectPage.Stage

STAGES_HTML = (
    "<ol><li>Consultation with partner agencies on the topic</li><li>An open call for up to seven "
    "agencies to join</li><li>A scoping seminar</li><li>Drafting the products together</li>"
    "<li>Piloting them in practice</li><li>Evaluation and refinement</li><li>Publication and a "
    "launch event</li></ol>"
)

PROJECTS = [
    {
        "slug": "using-evidence-in-court",
        "title": "Using Evidence in Court",
        "topic": "How can social workers give evidence in the family court with confidence?",
        "summary": "Six agencies worked with family court judges, lawyers and guardians to produce "
        "a handbook and a checklist that help social workers write clear statements and give "
        "evidence calmly. Both are free to download.",
        "stage": Stage.PUBLISHED,
        "start_days": -790,
        "end_days": -40,
        "partners": [
            members.NORTHFIELD,
            members.EASTMOOR,
            members.WESTBROOK,
            members.ASHDALE,
            members.HARBOUR_VALE,
            members.FAMILY_NETWORK,
        ],
        "why": "Social workers told us that going to court was the part of the job they felt least "
        "prepared for, and judges told us that the best statements were short, balanced and "
        "clear about what was fact and what was opinion.",
        "products": [
            (
                "Giving evidence in the family court: a handbook",
                "handbook",
                "A 40-page handbook with worked examples of strong and weak statements.",
            ),
            (
                "Preparing your statement: a checklist",
                "checklist",
                "A one-page checklist to use before you file a statement.",
            ),
        ],
    },
    {
        "slug": "leadership-for-evidence-informed-practice",
        "title": "Leadership for Evidence-Informed Practice",
        "topic": "What can team and service leaders do to make research part of everyday practice?",
        "summary": "Four agencies are piloting a self-assessment tool that helps leaders see how "
        "well their service uses evidence, and plan one change at a time.",
        "stage": Stage.PILOTING,
        "start_days": -300,
        "end_days": 330,
        "partners": [members.NORTHFIELD, members.WESTBROOK, members.ASHDALE, members.CARERS_ALLIANCE],
        "why": "Most practitioners value research, but few have time to find it. Leaders set the "
        "conditions: time in supervision, access to journals, and permission to try new things.",
        "products": [
            (
                "Evidence-informed leadership: self-assessment tool (pilot version)",
                "tool",
                "The version being piloted. Tell us how you get on.",
            ),
        ],
    },
    {
        "slug": "partnership-working-on-the-front-line",
        "title": "Partnership Working on the Front Line",
        "topic": "How can frontline staff from different agencies share information and decisions safely?",
        "summary": "A new project, now scoping, on how social workers, health visitors, police and "
        "voluntary agencies work together on shared cases. The call for partner agencies is open.",
        "stage": Stage.SCOPING,
        "start_days": -60,
        "end_days": 630,
        "partners": [
            members.EASTMOOR,
            members.HARBOUR_VALE,
            members.CARERS_ALLIANCE,
            members.FAMILY_NETWORK,
            members.KESTREL_LANE,
        ],
        "why": "Reviews keep finding that each agency held part of the picture. Practitioners "
        "asked for practical help with the everyday work of sharing it.",
        "products": [
            (
                "Partnership working: what we heard at the scoping seminar",
                "summary",
                "A summary of the scoping seminar and the questions the project will take on.",
            ),
        ],
        "open_call": True,
    },
]


def load_change_project_index(demo):
    return upsert_page(
        demo.home,
        ChangeProjectIndexPage,
        slug="change-projects",
        title="Change projects",
        show_in_menus=True,
        intro="<p>Change projects bring up to seven partner agencies together for 18 to 24 "
        "months to make something practitioners need: a handbook, a tool, a way of working.</p>",
        listing_summary="Up to seven agencies, 18 to 24 months, and practical products for practice.",
        search_description="Change projects: partner agencies working together on tools and handbooks.",
        listing_image=media.topic_image("Change projects", "project", "Abstract shapes in red and amber"),
    )


def load_change_projects(demo):
    index = demo.pages["change-projects"]
    projects = {}
    for project in PROJECTS:
        projects[project["slug"]] = upsert_page(index, ChangeProjectPage, **_project_fields(demo, project))
    return projects


def _project_fields(demo, project):
    documents = [
        (
            title,
            description,
            media.pdf_document(
                title,
                f"{project['slug']}-{kind}.pdf",
                {
                    "kind": f"{project['title']}: {kind}",
                    "authors": [f"{project['title']} project team"],
                    "date": today() + datetime.timedelta(days=min(project["end_days"], -30)),
                    "summary": description,
                    "colour": media.PALETTES["project"][0],
                    "sections": [
                        {"heading": "Why this matters", "paragraphs": [project["why"]]},
                        {"heading": "The question", "paragraphs": [project["topic"]]},
                    ],
                },
            ),
        )
        for title, kind, description in project["products"]
    ]
    interest = demo.pages["express-interest"]
    body = [
        heading("Why this project"),
        paragraph(f"<p>{project['why']}</p>"),
        heading("How change projects work"),
        paragraph(STAGES_HTML),
        document_list([document for _, _, document in documents], "Products"),
    ]
    if project.get("open_call"):
        body.append(
            call_to_action(
                "Could your agency join?",
                "We are looking for up to seven agencies. Tell us what you could bring.",
                page=interest,
                label="Express interest",
            )
        )
    return {
        "slug": project["slug"],
        "title": project["title"],
        "topic": project["topic"],
        "summary": project["summary"],
        "stage": project["stage"],
        "listing_summary": project["topic"],
        "search_description": project["summary"][:160],
        "listing_image": media.topic_image(
            project["title"], "project", f"Abstract image for {project['title']}"
        ),
        "start_date": today() + datetime.timedelta(days=project["start_days"]),
        "expected_end_date": today() + datetime.timedelta(days=project["end_days"]),
        "how_to_express_interest": "<p>The call for partner agencies is open. Tell us about your "
        "agency and what you could bring; we reply within four weeks.</p>"
        if project.get("open_call")
        else "",
        "interest_page": interest if project.get("open_call") else None,
        "body": body,
        "m2m": {"partner_agencies": [demo.organisations[name] for name in project["partners"]]},
        "children": {
            "products": (
                [
                    {"title": title, "description": description, "document_id": document.pk}
                    for title, description, document in documents
                ],
                ("document_id",),
            )
        },
    }
