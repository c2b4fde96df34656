"""The Academics in Practice case study, written up in the DfE teaching partnership template."""

from cms.models import CaseStudyIndexPage, CaseStudyPage
from members import demo as members

from . import media
from .utils import call_to_action, fact_box, heading, paragraph, people_list, quote, upsert_page


def load_case_studies(demo):
    index = upsert_page(
        demo.home,
        CaseStudyIndexPage,
        slug="case-studies",
        title="Case studies",
        intro="<p>What the partnership has tried, what happened and what we would do again, "
        "written up in the Department for Education's teaching partnership template.</p>",
        listing_summary="What the partnership tried, and what happened.",
        search_description="Case studies from the Praxis Teaching Partnership.",
        listing_image=media.topic_image("Case studies", "case_study", "Abstract shapes in violet"),
    )
    academics = upsert_page(
        index,
        CaseStudyPage,
        slug="academics-in-practice",
        title="Academics in Practice",
        partnership="Praxis Teaching Partnership",
        lead_organisation=demo.organisations[members.RIVERSIDE],
        work_areas="Academics in practice; continuing professional development; research-informed practice",
        summary="Academics from both universities spent regular time in frontline teams, and "
        "practitioners got easier access to academics and research. Teaching became more current, "
        "and practitioners said research felt less remote.",
        listing_summary="Academics spent time in frontline teams; research got easier to use.",
        search_description="How academics and practitioners in the Praxis Teaching Partnership learnt "
        "from each other.",
        listing_image=media.topic_image("Academics in Practice", "case_study", "Abstract image in violets"),
        fact_box=[
            fact_box(
                [
                    ("14", "academics took part"),
                    ("38", "shadowing days in frontline teams"),
                    ("9", "lunches with academics"),
                    ("210", "practitioners at research seminars"),
                ]
            )
        ],
        objectives="<ul><li>Keep academics' teaching close to current practice.</li><li>Make "
        "research easier for practitioners to find, question and use.</li><li>Build working "
        "relationships so that practitioners and academics ask each other for help.</li></ul>",
        body=[
            heading("What we did"),
            paragraph(
                "<p><strong>Shadowing days.</strong> Each academic spent at least two days a year "
                "with a frontline team, joining visits, meetings and case discussions, with the "
                "consent of the families involved.</p>"
                "<p><strong>Lunch with academics.</strong> A monthly online hour: two academics talk "
                "for ten minutes each about their research, then answer practitioners' questions.</p>"
                "<p><strong>Research seminars and practice educator forums.</strong> Seminars open "
                "to every partner, and a termly forum where practice educators and university "
                "tutors agree how they assess students.</p>"
                "<p><strong>A directory.</strong> An online directory lists each academic's areas "
                "of interest and what they offer, so a team can find the right person.</p>"
            ),
            people_list(
                [demo.people["osei"], demo.people["donnelly"], demo.people["calloway"]],
                "Some of the academics involved",
            ),
            call_to_action(
                "Find an academic",
                "Search the directory by area of interest.",
                page=demo.pages["people"],
                label="Open the directory",
            ),
        ],
        outcomes="<ul><li>All 14 academics said their teaching now uses examples from the last "
        "year.</li><li>Seven in ten practitioners who came to a lunch said they had since read "
        "or used a piece of research.</li><li>Two practice questions raised at lunches became "
        "funded studies, including the study of social isolation amongst older people.</li></ul>",
        quotes=[
            quote(
                "Spending a day with a duty team changed what I teach on Monday morning.",
                "Dr Daniel Osei",
                "Senior lecturer, Riverside University",
            ),
            quote(
                "I had never emailed an academic before. Now I know who to ask.",
                "Social worker",
                "Northfield City Council",
            ),
            quote(
                "Students notice when their tutor has been out in practice recently.",
                "Practice educator",
                "Westbrook Borough Council",
            ),
        ],
        future_developments="<ul><li>Extend shadowing days to adult social care teams.</li><li>Invite "
        "practitioners to co-teach one session on each course.</li><li>Record lunches so night and "
        "weekend staff can watch later.</li></ul>",
    )
    return index, academics
