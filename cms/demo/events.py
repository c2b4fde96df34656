"""Seminars, lunches with academics, practice educator forums and a residential.

Dates are relative to today, in UK time; two fall in British Summer Time whatever today is
(last summer's forum and next summer's residential), so listings show both offsets.
"""

import datetime
from decimal import Decimal

from cms.models import Audience, EventIndexPage, EventPage

from . import media
from .utils import (
    call_to_action,
    days_from_today,
    first_sentence,
    heading,
    last_summer_date,
    next_summer_date,
    paragraph,
    today,
    uk_time,
    upsert_page,
)

Kind = EventPage.Kind
MON, TUE, WED, THU = range(4)
RIVERSIDE_VENUE = ("Lecture Theatre 2, Riverside University", "Campus Way\nNorthfield\nNF1 4RU")
KINGSMERE_VENUE = ("The Atrium, Kingsmere University", "Kingsmere Road\nEastmoor\nEM4 2KU")
SEMINAR_FORMAT = paragraph(
    "<p>Seminars follow the same pattern: in the morning a speaker sets out the research and "
    "the arguments; in the afternoon we work in small groups on real, anonymised dilemmas that "
    "participants bring. Lunch is provided.</p>"
)


def _dates(date, start, end, days=1):
    return uk_time(date, *start), uk_time(date + datetime.timedelta(days=days - 1), *end)


def _events():
    """The demo events; a function because every date depends on today."""
    return [
        {
            "slug": "politics-of-risk-in-child-protection",
            "title": "The Politics of Risk in Child Protection",
            "kind": Kind.SEMINAR,
            "when": _dates(days_from_today(21, TUE), (9, 30), (16, 0)),
            "venue": RIVERSIDE_VENUE,
            "speakers": [
                "marsh",
                ("Caroline Dunne", "Independent chair, Northfield Safeguarding Children Partnership"),
            ],
            "summary": "Why do some risks get talked about and others not? Helen Marsh draws on her "
            "study of child protection conferences to ask how fear of blame shapes decisions, and "
            "what practitioners and chairs can do differently.",
            "audiences": [Audience.PRACTITIONERS, Audience.FRONTLINE_MANAGERS, Audience.PRACTICE_LEADERS],
            "cpd_hours": Decimal("5.5"),
            "capacity": 80,
            "tags": ["child protection", "risk", "decision-making"],
            "research": ["risk-blame-professional-judgement"],
        },
        {
            "slug": "dementia-matters",
            "title": "Dementia Matters",
            "kind": Kind.SEMINAR,
            "when": _dates(days_from_today(-42, WED), (9, 30), (16, 0)),
            "venue": ("Council Chamber, Ashdale Town Hall", "Market Street\nAshdale\nAD1 1TH"),
            "speakers": ["calloway", "oduya", ("Margaret Hale", "Carer and co-researcher")],
            "summary": "A day on good social work with people living with dementia and their carers: "
            "capacity and best interests, keeping people connected, and what carers say they need "
            "from us.",
            "audiences": [Audience.PRACTITIONERS, Audience.FRONTLINE_MANAGERS],
            "cpd_hours": Decimal("5.5"),
            "capacity": 60,
            "tags": ["dementia", "older people", "carers", "Mental Capacity Act"],
            "research": ["social-isolation-older-people"],
        },
        {
            "slug": "transitional-safeguarding",
            "title": "Transitional Safeguarding",
            "kind": Kind.SEMINAR,
            "when": _dates(days_from_today(56, THU), (9, 30), (16, 0)),
            "venue": KINGSMERE_VENUE,
            "online_url": "https://meet.praxis.example/transitional-safeguarding",
            "speakers": ["fairbairn", "adeyemi"],
            "summary": "Harm does not stop at eighteen. This seminar looks at how children's and "
            "adults' services can work together for young people at risk of exploitation. Join us "
            "in person or online.",
            "audiences": [Audience.PRACTITIONERS, Audience.PRACTICE_SUPERVISORS, Audience.PRACTICE_LEADERS],
            "cpd_hours": Decimal("5.5"),
            "capacity": 120,
            "tags": ["transitional safeguarding", "adolescents", "exploitation"],
            "research": ["transitional-safeguarding-briefing"],
        },
        {
            "slug": "lunch-with-academics-research-in-supervision",
            "title": "Lunch with academics: using research in supervision",
            "kind": Kind.LUNCH_WITH_ACADEMICS,
            "when": _dates(days_from_today(10, WED), (12, 30), (13, 30)),
            "venue": ("", ""),
            "online_url": "https://meet.praxis.example/lunch-with-academics",
            "speakers": ["kowalski", "osei"],
            "summary": "Bring your lunch and a question. Two academics talk for ten minutes each "
            "about bringing research into supervision, then answer yours.",
            "audiences": [Audience.PRACTITIONERS, Audience.PRACTICE_SUPERVISORS],
            "cpd_hours": Decimal("1"),
            "tags": ["supervision", "research-informed practice"],
            "research": ["teaching-partnership-evaluation"],
        },
        {
            "slug": "lunch-with-academics-loneliness",
            "title": "Lunch with academics: what older people told us about loneliness",
            "kind": Kind.LUNCH_WITH_ACADEMICS,
            "when": _dates(days_from_today(-75, TUE), (12, 30), (13, 30)),
            "venue": ("", ""),
            "online_url": "https://meet.praxis.example/lunch-with-academics",
            "speakers": ["calloway"],
            "summary": "Ruth Calloway shares early findings from the partnership's study of social "
            "isolation, and asks practitioners what they see.",
            "audiences": [Audience.PRACTITIONERS],
            "cpd_hours": Decimal("1"),
            "tags": ["older people", "social isolation"],
            "research": ["social-isolation-older-people"],
        },
        {
            "slug": "practice-educator-forum-reflective-writing",
            "title": "Practice educator forum: assessing reflective writing",
            "kind": Kind.PRACTICE_EDUCATOR_FORUM,
            "when": _dates(days_from_today(35, MON), (13, 30), (16, 30)),
            "venue": ("Room 3, Westbrook Civic Centre", "Civic Square\nWestbrook\nWB2 5CC"),
            "speakers": ["donnelly", "lindqvist"],
            "summary": "How do you tell good reflection from a well-written description? Practice "
            "educators compare anonymised extracts and agree what they look for.",
            "audiences": [Audience.PRACTICE_EDUCATORS],
            "cpd_hours": Decimal("3"),
            "capacity": 30,
            "tags": ["practice education", "reflective writing"],
            "research": ["teaching-partnership-evaluation"],
        },
        {
            "slug": "practice-educator-forum-struggling-students",
            "title": "Practice educator forum: supporting a student who is struggling",
            "kind": Kind.PRACTICE_EDUCATOR_FORUM,
            "when": _dates(last_summer_date(today() - datetime.timedelta(days=30)), (13, 30), (16, 30)),
            "venue": ("Room 3, Westbrook Civic Centre", "Civic Square\nWestbrook\nWB2 5CC"),
            "speakers": ["donnelly"],
            "summary": "Spotting early when a placement is not going well, and what the university "
            "and the practice educator can each do about it.",
            "audiences": [Audience.PRACTICE_EDUCATORS],
            "cpd_hours": Decimal("3"),
            "capacity": 30,
            "tags": ["practice education", "student placements"],
            "research": [],
        },
        {
            "slug": "practice-leader-residential",
            "title": "Practice Leader Development Programme residential",
            "kind": Kind.RESIDENTIAL,
            "when": _dates(next_summer_date(today() + datetime.timedelta(days=60)), (10, 0), (16, 0), days=2),
            "venue": ("Hollin Hall Conference Centre", "Hollin Lane\nEastmoor\nEM7 9HH"),
            "speakers": ["marsh", "adeyemi"],
            "summary": "Two days away to start the programme: getting to know your cohort, your "
            "values as a leader, and planning your service development project. Mentors join on "
            "day two.",
            "audiences": [Audience.PRACTICE_LEADERS],
            "cpd_hours": Decimal("12"),
            "capacity": 24,
            "tags": ["practice leadership", "Practice Leader Development Programme"],
            "research": ["transitional-safeguarding-briefing"],
        },
    ]


def load_event_index(demo):
    return upsert_page(
        demo.home,
        EventIndexPage,
        slug="events",
        title="Events",
        show_in_menus=True,
        intro="<p>Seminars, lunches with academics, practice educator forums and residentials. "
        "Most are free to staff of partner organisations and count towards your CPD.</p>",
        listing_summary="Seminars, lunches with academics and practice educator forums.",
        search_description="Social work seminars and events from the Praxis Teaching Partnership.",
        listing_image=media.topic_image("Events", "event", "Abstract shapes in plum and amber"),
    )


def load_events(demo, research):
    index = demo.pages["events"]
    events = {}
    for event in _events():
        events[event["slug"]] = upsert_page(index, EventPage, **_event_fields(demo, event, research))
    return events


def _event_fields(demo, event, research):
    start, end = event["when"]
    venue, address = event["venue"]
    body = [heading("About the day"), SEMINAR_FORMAT] if event["kind"] == Kind.SEMINAR else []
    if event["kind"] == Kind.RESIDENTIAL:
        body = [
            heading("The two days"),
            paragraph(
                "<p><strong>Day one</strong> is for aspirants: your cohort, your story as a leader "
                "and the practice leader knowledge and skills statement.</p><p><strong>Day two</strong> "
                "brings in your mentor to agree your first months together and sketch your service "
                "development project.</p>"
            ),
            call_to_action(
                "Part of the Practice Leader Development Programme",
                "The residential opens the programme's preparatory phase.",
                page=demo.pages["programme:practice-leader-development-programme"],
                label="About the programme",
            ),
        ]
    return {
        "slug": event["slug"],
        "title": event["title"],
        "kind": event["kind"],
        "summary": event["summary"],
        "listing_summary": first_sentence(event["summary"]),
        "search_description": event["summary"][:160],
        "listing_image": media.topic_image(event["title"], "event", f"Abstract image for {event['title']}"),
        "start": start,
        "end": end,
        "venue": venue,
        "address": address,
        "online_url": event.get("online_url", ""),
        "capacity": event.get("capacity"),
        "members_book_here": True,
        "audiences": event["audiences"],
        "cpd_hours": event["cpd_hours"],
        "body": body,
        "tags": event["tags"],
        "m2m": {"related_research": [research[slug] for slug in event["research"]]},
        "children": {"speakers": [_speaker_row(demo, speaker) for speaker in event["speakers"]]},
    }


def _speaker_row(demo, speaker) -> dict:
    if isinstance(speaker, str):
        return {"person_id": demo.people[speaker].pk, "name": "", "role": ""}
    name, role = speaker
    return {"person_id": None, "name": name, "role": role}
