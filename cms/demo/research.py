"""Research outputs, each with ordered authors, a DOI (on the 10.5555 test prefix) and a PDF."""

import datetime

from cms.models import ResearchIndexPage, ResearchOutputPage

from . import media
from .utils import call_to_action, first_sentence, heading, paragraph, today, upsert_page

OutputType = ResearchOutputPage.OutputType
PUBLISHER = "Praxis Teaching Partnership"
ABOUT_STUDY = (
    "The partnership funds small studies that answer questions practitioners bring to us. Each study "
    "is planned with a practice lead from a partner authority and shared at a research seminar "
    "before it is published."
)
ABOUT_ARTICLE = (
    "This is the authors' accepted manuscript, shared under the journal's open access policy. "
    "Please cite the published version."
)

# Authors are directory keys (people.py) or (given names, family name) for people outside it.
OUTPUTS = [
    {
        "slug": "social-isolation-older-people",
        "title": "Social isolation amongst older people: what helps?",
        "output_type": OutputType.REPORT,
        "days_ago": 45,
        "doi": "10.5555/praxis.2026.003",
        "authors": ["calloway", "oduya", ("Kate", "Brennan")],
        "tags": ["older people", "social isolation", "loneliness", "carers"],
        "related": ["course:personalisation"],
        "abstract": "We talked with 42 older people, 15 carers and 23 practitioners in two partner "
        "authorities about loneliness after a move into supported housing or the loss of a partner. "
        "What helped most was not a new service but small, regular contact with someone familiar, "
        "and practitioners having time to find out what a person used to enjoy. The report sets out "
        "six practical changes for adult social care teams.",
        "findings": [
            "Loneliness was highest in the first six months after a move, and was rarely recorded.",
            "Befriending worked best when the same volunteer visited each time.",
            "Transport, not interest, stopped most people taking part in groups.",
            "Carers were often isolated too, and were seldom asked about it.",
        ],
        "recommendations": [
            "Ask about loneliness at every review, using the person's own words.",
            "Include transport in support plans where it makes a group possible.",
            "Offer carers' assessments that cover the carer's own social contact.",
        ],
    },
    {
        "slug": "teaching-partnership-evaluation",
        "title": "Learning together: evaluation of the Praxis Teaching Partnership",
        "output_type": OutputType.EVALUATION,
        "days_ago": 300,
        "doi": "10.5555/praxis.2025.004",
        "authors": ["kowalski", "donnelly", ("Ben", "Hartley")],
        "tags": ["teaching partnerships", "evaluation", "workforce development"],
        "related": ["programme:practice-leader-development-programme", "course:practice-education"],
        "abstract": "An evaluation of the partnership's first three years, drawing on surveys of "
        "412 practitioners, interviews with 30 managers, students and academics, and workforce "
        "data. Students' placements improved and more newly qualified social workers stayed in "
        "partner authorities. Practitioners valued time with academics, but many could not get "
        "the time away from casework to take part.",
        "findings": [
            "Four in five students rated their placement good or very good, up from three in five.",
            "Retention of newly qualified social workers after two years rose by nine points.",
            "Protected time, not interest, was the main barrier to taking part.",
        ],
        "recommendations": [
            "Agree protected learning time with each authority each year.",
            "Expand the academics in practice scheme to adult social care.",
        ],
    },
    {
        "slug": "solihull-approach-evaluation",
        "title": "The Solihull Approach in early help: an evaluation",
        "output_type": OutputType.EVALUATION,
        "days_ago": 160,
        "doi": "10.5555/praxis.2025.011",
        "authors": ["hollis", "kowalski", ("Jaspreet", "Patel")],
        "tags": ["Solihull Approach", "early help", "parenting", "evaluation"],
        "related": ["course:therapeutic-approaches", "research:teaching-partnership-evaluation"],
        "abstract": "Eastmoor's early help service trained 60 practitioners in the Solihull Approach "
        "to understanding children's behaviour. We followed 118 families over a year. Parents "
        "reported less conflict at home and felt more understood; practitioners said the approach "
        "gave them a shared language. Re-referrals fell, but the study cannot say the approach "
        "alone caused the fall.",
        "findings": [
            "Parents' ratings of conflict at home fell in three families out of four.",
            "Practitioners valued containment and reciprocity as ideas they could explain to parents.",
            "Re-referrals within twelve months fell from 22% to 15%.",
        ],
        "recommendations": [
            "Offer refresher sessions six months after the first training.",
            "Keep group sessions for parents local and in the evening.",
        ],
    },
    {
        "slug": "risk-blame-professional-judgement",
        "title": "Risk, blame and professional judgement in child protection",
        "output_type": OutputType.ARTICLE,
        "days_ago": 420,
        "journal": "Northern Journal of Social Work Practice",
        "publisher": "Northern Social Work Press",
        "doi": "10.5555/njswp.2024.0142",
        "authors": ["marsh", "fairbairn"],
        "tags": ["child protection", "risk", "decision-making"],
        "related": ["course:domestic-violence"],
        "abstract": "Drawing on observations of 36 child protection conferences, this article "
        "argues that fear of blame narrows the range of options professionals feel able to "
        "discuss. We describe three ways conference chairs opened up discussion, and suggest how "
        "supervision can help social workers hold uncertainty rather than close it down.",
        "findings": [
            "Talk of risk crowded out talk of strengths in two conferences out of three.",
            "Chairs who named uncertainty aloud heard more options from families.",
        ],
        "recommendations": ["Use supervision to rehearse how to speak about uncertainty in conferences."],
    },
    {
        "slug": "transitional-safeguarding-briefing",
        "title": "Transitional safeguarding: a briefing for practice leaders",
        "output_type": OutputType.BRIEFING,
        "days_ago": 20,
        "doi": "",
        "authors": ["fairbairn", "adeyemi"],
        "tags": ["transitional safeguarding", "adolescents", "exploitation", "practice leadership"],
        "related": ["programme:practice-leader-development-programme"],
        "abstract": "A six-page briefing on keeping young people safe as they move from children's "
        "to adults' services. It sets out what practice leaders can change in their own "
        "authority: shared panels, flexible eligibility, and a named worker who stays with the "
        "young person past their eighteenth birthday.",
        "findings": [
            "Harm does not stop at eighteen, but most support changes or ends then.",
            "Young people described the handover as starting again with a stranger.",
        ],
        "recommendations": [
            "Set up a joint panel for young people aged 16 to 25 at risk of exploitation.",
            "Let a trusted worker stay involved for six months after transfer.",
        ],
    },
]


def load_research_index(demo):
    return upsert_page(
        demo.home,
        ResearchIndexPage,
        slug="research",
        title="Research",
        show_in_menus=True,
        intro="<p>Reports, evaluations, articles and briefings from the partnership's academics "
        "and practitioners. Every report is free to download.</p>",
        listing_summary="Reports, evaluations, journal articles and briefings from the partnership.",
        search_description="Social work research and evaluations from the Praxis Teaching Partnership.",
        listing_image=media.topic_image("Research", "research", "Abstract shapes in blues"),
    )


def load_research(demo):
    index = demo.pages["research"]
    outputs = {}
    for output in OUTPUTS:
        outputs[output["slug"]] = upsert_page(
            index, ResearchOutputPage, **_output_fields(demo, output, outputs)
        )
    return outputs


def _output_fields(demo, output, outputs_so_far):
    date = today() - datetime.timedelta(days=output["days_ago"])
    authors = [_author_row(demo, author) for author in output["authors"]]
    author_names = [_author_name(demo, author) for author in output["authors"]]
    publisher = output.get("publisher", PUBLISHER)
    document = media.pdf_document(
        f"{output['title']} (full text)",
        f"{output['slug']}.pdf",
        {
            "title": output["title"],
            "kind": OutputType(output["output_type"]).label,
            "authors": author_names,
            "date": date,
            "publisher": publisher,
            "doi": output["doi"],
            "summary": output["abstract"],
            "colour": media.PALETTES["research"][0],
            "sections": [
                {"heading": "What we found", "points": output["findings"]},
                {"heading": "What we recommend", "points": output["recommendations"]},
                {
                    "heading": "About this study",
                    "paragraphs": [ABOUT_ARTICLE if output.get("journal") else ABOUT_STUDY],
                },
            ],
        },
    )
    related = [_related_page(demo, key, outputs_so_far) for key in output["related"]]
    findings = "".join(f"<li>{finding}</li>" for finding in output["findings"])
    return {
        "slug": output["slug"],
        "title": output["title"],
        "output_type": output["output_type"],
        "publication_date": date,
        "publisher": publisher,
        "journal": output.get("journal", ""),
        "doi": output["doi"],
        "abstract": output["abstract"],
        "document": document,
        "listing_summary": first_sentence(output["abstract"]),
        "search_description": output["abstract"][:160],
        "listing_image": media.topic_image(
            output["title"], "research", f"Abstract image for {output['title']}"
        ),
        "body": [
            heading("Key findings"),
            paragraph(f"<ul>{findings}</ul>"),
            call_to_action(
                "Bring this research to your team",
                "The authors are happy to talk to a team meeting or practice forum about the findings.",
                page=demo.pages["people"],
                label="Find the authors in the directory",
            ),
        ],
        "tags": output["tags"],
        "children": {
            "authors": authors,
            "related_pages": ([{"related_id": page.pk} for page in related if page], ("related_id",)),
        },
    }


def _author_row(demo, author) -> dict:
    if isinstance(author, str):
        return {"person_id": demo.people[author].pk, "given_names": "", "family_name": ""}
    given, family = author
    return {"person_id": None, "given_names": given, "family_name": family}


def _author_name(demo, author) -> str:
    if isinstance(author, str):
        person = demo.people[author]
        return f"{person.first_name} {person.last_name}"
    return " ".join(author)


def _related_page(demo, key, outputs_so_far):
    kind, slug = key.split(":")
    if kind == "research":
        return outputs_so_far.get(slug)
    return demo.pages.get(f"{kind}:{slug}")
