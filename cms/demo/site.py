"""The home page, site settings, partner logos and search promotions."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site

from cms.models import SiteSettings

from . import media
from .standard import CONTACT_EMAIL
from .utils import call_to_action, heading, paragraph, sync_children

FEATURED_COURSES = ["systemic-practice", "domestic-violence", "practice-education"]

# (query, page key, description shown with the promoted result)
PROMOTIONS = [
    ("pldp", "programme:practice-leader-development-programme", "The Practice Leader Development Programme."),
    (
        "practice leader",
        "programme:practice-leader-development-programme",
        "Preparation and mentoring for aspiring practice leaders.",
    ),
    ("aft", "course:systemic-practice", "Our course accredited by the Association for Family Therapy."),
    ("court", "project:using-evidence-in-court", "A handbook and checklist for giving evidence."),
    ("privacy", "privacy", "What Praxis keeps about you, and your rights."),
]


def load_partner_logos(demo):
    for organisation in demo.organisations.values():
        if organisation.is_partner:
            organisation.logo = media.organisation_logo(organisation)
            organisation.save(update_fields=["logo"])


def load_home(demo):
    home = demo.home
    home.title = "Home"
    home.hero_heading = "Better social work, learnt together"
    home.hero_text = (
        "Courses, seminars, research and leadership programmes from five local authorities, two "
        "universities and a voluntary agency, and a place to keep your CPD record."
    )
    home.hero_image = media.topic_image("Home page hero", "home", "Decorative: soft shapes in blue and teal")
    # Also what a link to the site shows when shared.
    home.listing_image = home.hero_image
    home.hero_link_page = demo.pages["courses"]
    home.hero_link_label = "Find a course"
    home.search_description = (
        "The Praxis Teaching Partnership: social work courses, seminars, research and programmes."
    )
    home.listing_summary = "Courses, seminars, research and programmes for social workers."
    home.body = [
        heading("New to the partnership?"),
        paragraph(
            "<p>If you work for a partner organisation, most of what you see here is free to you. "
            "Create an account to book events and keep your CPD record in one place, ready for "
            "your Social Work England renewal.</p>"
        ),
        call_to_action(
            "Aspiring to lead practice?",
            "Applications for the next Practice Leader Development Programme open in the spring.",
            page=demo.pages["programme:practice-leader-development-programme"],
            label="About the programme",
        ),
    ]
    sync_children(
        home,
        "featured_courses",
        [{"course_id": demo.pages[f"course:{slug}"].pk} for slug in FEATURED_COURSES],
        keys=("course_id",),
    )
    home.save_revision().publish()
    return type(home).objects.get(pk=home.pk)


def load_settings(demo):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Praxis Teaching Partnership"
    settings.tagline = "Social work learning, research and leadership, in partnership"
    settings.logo = media.get_or_create_image(
        "Praxis Teaching Partnership logo",
        "Praxis Teaching Partnership",
        media.logo_png,
        "demo-praxis-logo.png",
    )
    settings.contact_email = CONTACT_EMAIL
    settings.contact_phone = "0113 496 0000"
    settings.address = "Centre for Social Work\nRiverside University\nCampus Way\nNorthfield NF1 4RU"
    settings.footer_text = (
        "A teaching partnership of five local authorities, two universities and a voluntary agency. "
        "This is a demonstration site: every person and organisation on it is fictional."
    )
    settings.signatory_name = "Professor Helen Marsh"
    settings.signatory_role = "Director, Centre for Social Work"
    settings.signature_image = media.get_or_create_image(
        "Certificate signature: Helen Marsh",
        "Signature of Helen Marsh",
        media.signature_png,
        "demo-signature.png",
    )
    links = [
        ("About the partnership", "about"),
        ("Case studies", "case-studies"),
        ("Contact us", "contact"),
        ("Accessibility statement", "accessibility"),
        ("Privacy notice", "privacy"),
    ]
    sync_children(
        settings,
        "footer_links",
        [{"label": label, "page_id": demo.pages[key].pk, "url": ""} for label, key in links],
    )
    settings.save()
    return settings


def load_promotions(demo):
    for text, key, description in PROMOTIONS:
        query = Query.get(text)
        SearchPromotion.objects.update_or_create(
            query=query, page=demo.pages[key], defaults={"description": description, "sort_order": 0}
        )
