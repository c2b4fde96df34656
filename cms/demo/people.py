"""The people directory: academics and practitioners from the partner organisations."""

from cms.models import Person, PersonIndexPage
from members import demo as members

from . import media
from .utils import upsert_page

SHADOWING = Person.Offer.SHADOWING
LUNCH = Person.Offer.LUNCH
SEMINARS = Person.Offer.RESEARCH_SEMINARS
FRIEND = Person.Offer.CRITICAL_FRIEND

# key: (honorific, first, last, role, organisation, email, interests, offers, biography)
PEOPLE = {
    "marsh": (
        "Prof",
        "Helen",
        "Marsh",
        "Professor of Social Work and Director, Centre for Social Work",
        members.RIVERSIDE,
        "h.marsh@riverside.example",
        ["child protection", "risk", "decision-making"],
        [SEMINARS, FRIEND],
        "Helen was a child protection social worker and team manager for twelve years before "
        "moving into teaching. Her research looks at how risk is talked about in child protection "
        "conferences, and how blame shapes the decisions social workers feel able to make.",
    ),
    "osei": (
        "Dr",
        "Daniel",
        "Osei",
        "Senior lecturer in systemic practice",
        members.RIVERSIDE,
        "d.osei@riverside.example",
        ["systemic practice", "family therapy", "supervision"],
        [SHADOWING, LUNCH],
        "Daniel is a systemic psychotherapist who leads the partnership's course in systemic "
        "practice. He still spends one day a week alongside a family safeguarding team, and "
        "welcomes practitioners who want to shadow a reflecting team.",
    ),
    "calloway": (
        "Dr",
        "Ruth",
        "Calloway",
        "Reader in gerontology and social care",
        members.KINGSMERE,
        "r.calloway@kingsmere.example",
        ["older people", "dementia", "social isolation", "carers"],
        [SEMINARS, LUNCH],
        "Ruth researches loneliness and social isolation in later life, working with older people "
        "and carers as co-researchers. She led the partnership's study of what helps older people "
        "stay connected after a move into supported housing.",
    ),
    "siddiqui": (
        "Dr",
        "Imran",
        "Siddiqui",
        "Lecturer in social work",
        members.KINGSMERE,
        "i.siddiqui@kingsmere.example",
        ["domestic abuse", "coercive control", "working with fathers"],
        [SHADOWING, SEMINARS],
        "Imran worked in a specialist domestic abuse service before joining Kingsmere. He teaches "
        "the domestic violence and abuse course and is interested in how services engage with "
        "men who harm.",
    ),
    "donnelly": (
        "Dr",
        "Claire",
        "Donnelly",
        "Senior lecturer and practice learning lead",
        members.RIVERSIDE,
        "c.donnelly@riverside.example",
        ["practice education", "reflective writing", "student placements"],
        [SHADOWING, LUNCH, FRIEND],
        "Claire coordinates practice learning for Riverside's social work students and chairs "
        "the practice educator forum. She writes about how students learn to reflect, and how "
        "practice educators can assess reflection fairly.",
    ),
    "kowalski": (
        "Prof",
        "Nadia",
        "Kowalski",
        "Professor of applied social research",
        members.KINGSMERE,
        "n.kowalski@kingsmere.example",
        ["evaluation", "mixed methods", "teaching partnerships"],
        [SEMINARS, FRIEND],
        "Nadia leads the partnership's evaluation work. She is happy to act as a critical friend "
        "to teams that want to evaluate a new way of working, however small.",
    ),
    "barrett": (
        "Dr",
        "Tom",
        "Barrett",
        "Senior lecturer in adult social care",
        members.KINGSMERE,
        "t.barrett@kingsmere.example",
        ["personalisation", "strengths-based practice", "Care Act 2014"],
        [LUNCH, SEMINARS],
        "Tom was a care manager and an approved mental health professional. He teaches the "
        "personalisation course and researches how personal budgets work for people with "
        "fluctuating needs.",
    ),
    "fairbairn": (
        "Dr",
        "Leah",
        "Fairbairn",
        "Lecturer in social work",
        members.RIVERSIDE,
        "l.fairbairn@riverside.example",
        ["transitional safeguarding", "adolescents", "exploitation"],
        [SHADOWING, SEMINARS],
        "Leah's research follows young people at risk of exploitation as they turn eighteen and "
        "move between children's and adults' services.",
    ),
    "adeyemi": (
        "",
        "Grace",
        "Adeyemi",
        "Principal social worker (children)",
        members.NORTHFIELD,
        "",
        ["practice leadership", "supervision", "practice education"],
        [SHADOWING],
        "Grace is Northfield's principal social worker for children and a tutor on the Practice "
        "Leader Development Programme. She mentors aspiring practice leaders from other partner "
        "authorities.",
    ),
    "hollis": (
        "",
        "Mark",
        "Hollis",
        "Consultant social worker, early help",
        members.EASTMOOR,
        "",
        ["Solihull Approach", "early help", "parenting"],
        [SHADOWING],
        "Mark trained as a Solihull Approach facilitator and co-led the partnership's evaluation "
        "of the approach in Eastmoor's early help service.",
    ),
    "lindqvist": (
        "",
        "Sarah",
        "Lindqvist",
        "Practice educator",
        members.WESTBROOK,
        "",
        ["practice education", "newly qualified social workers"],
        [SHADOWING],
        "Sarah supports students and newly qualified social workers in Westbrook and co-chairs "
        "the practice educator forum.",
    ),
    "oduya": (
        "",
        "Femi",
        "Oduya",
        "Advanced practitioner, adult social care",
        members.ASHDALE,
        "",
        ["dementia", "carers", "Mental Capacity Act"],
        [SHADOWING],
        "Femi is an advanced practitioner in Ashdale's older people's team and a co-researcher on "
        "the partnership's study of social isolation.",
    ),
}


def load_people(demo) -> dict[str, Person]:
    people = {}
    for key, (honorific, first, last, role, organisation, email, interests, offers, bio) in PEOPLE.items():
        person = Person.objects.filter(first_name=first, last_name=last).first() or Person(
            first_name=first, last_name=last
        )
        person.honorific = honorific
        person.role = role
        person.organisation = demo.organisations[organisation]
        person.email = email
        person.offers = offers
        person.biography = f"<p>{bio}</p>"
        person.photo = media.portrait(person)
        person.areas_of_interest.set(interests)
        person.save()
        people[key] = person
    return people


def load_directory(demo):
    return upsert_page(
        demo.home,
        PersonIndexPage,
        slug="people",
        title="People",
        show_in_menus=True,
        intro="<p>Academics and practitioners across the partnership, what they work on, and what "
        "they offer: shadowing days, lunch with academics, research seminars or a critical friend.</p>",
        listing_summary="Find an academic or practitioner by area of interest, and see what they offer.",
        search_description="A directory of academics and practitioners in the Praxis Teaching Partnership.",
        listing_image=media.topic_image(
            "People in the partnership", "page", "Abstract shapes in teal and gold"
        ),
    )
