"""About, contact, accessibility and privacy pages, and the change project interest form."""

from cms.models import FormPage, StandardPage

from . import media
from .utils import call_to_action, fact_box, heading, paragraph, people_list, upsert_page

CONTACT_EMAIL = "hello@praxis.example"


def load_interest_form(demo):
    choices = "\n".join(
        [
            "Partnership Working on the Front Line",
            "Leadership for Evidence-Informed Practice",
            "A new topic we should consider",
        ]
    )
    fields = [
        ("Your name", "singleline", True, "", ""),
        ("Email address", "email", True, "", "We use this only to reply to you."),
        ("Organisation", "singleline", True, "", ""),
        ("Your role", "singleline", False, "", "For example 'Service manager'."),
        ("Which project?", "dropdown", True, choices, ""),
        ("What could your agency bring?", "multiline", True, "", "A few sentences is plenty."),
        (
            "I agree to the partnership keeping these details to contact me about change projects",
            "checkbox",
            True,
            "",
            "We delete them after the project's call closes.",
        ),
    ]
    return upsert_page(
        demo.home,
        FormPage,
        slug="express-interest",
        title="Express interest in a change project",
        intro="<p>Change projects need partner agencies that can give practitioners' time over 18 "
        "to 24 months. Tell us a little about yours and we will be in touch within four weeks.</p>",
        thank_you_text="<p>Thank you. We have your details and will reply within four weeks. If it "
        f'is urgent, email <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>',
        to_address="change-projects@praxis.example",
        from_address="no-reply@praxis.example",
        subject="New expression of interest in a change project",
        listing_summary="Tell us about your agency and the change project you would like to join.",
        search_description="Express interest in joining a Praxis change project.",
        children={
            "form_fields": [
                {
                    "label": label,
                    "field_type": kind,
                    "required": required,
                    "choices": options,
                    "help_text": help_text,
                }
                for label, kind, required, options, help_text in fields
            ]
        },
    )


def load_standard_pages(demo):
    pages = {}
    pages["about"] = upsert_page(
        demo.home,
        StandardPage,
        slug="about",
        title="About the partnership",
        show_in_menus=True,
        intro="The Praxis Teaching Partnership brings together five local authorities, two "
        "universities and a voluntary agency to improve how social workers learn, from their "
        "first placement to leading a service.",
        listing_summary="Who we are, what we do, and how the partnership is run.",
        search_description="About the Praxis Teaching Partnership: five local authorities, two "
        "universities and a voluntary agency.",
        listing_image=media.topic_image("About the partnership", "page", "Abstract shapes in teal and gold"),
        body=[
            fact_box(
                [
                    ("8", "partner organisations"),
                    ("412", "practitioners in CPD last year"),
                    ("96", "student placements a year"),
                ],
                title="The partnership",
            ),
            heading("What we do"),
            paragraph(
                "<ul><li>Plan student placements together, so every student has a good one.</li>"
                "<li>Run accredited courses and seminars for qualified social workers.</li><li>Prepare "
                "experienced social workers to lead practice.</li><li>Bring academics into practice, "
                "and practitioners into research.</li></ul>"
            ),
            heading("How the partnership is run"),
            paragraph(
                "<p>A board with one director from each partner meets every quarter. Day to day, "
                "the partnership manager and the Centre for Social Work team run the programme, "
                "guided by a practitioner reference group and a group of people who use "
                "services and carers.</p>"
            ),
            people_list([demo.people["marsh"], demo.people["adeyemi"]], "Partnership leads"),
            call_to_action(
                "See what we have learnt",
                "Read how academics and practitioners learnt from each other.",
                page=demo.pages["case-study:academics-in-practice"],
                label="Read the case study",
            ),
        ],
    )
    pages["contact"] = upsert_page(
        demo.home,
        StandardPage,
        slug="contact",
        title="Contact us",
        intro="We are happy to help with questions about courses, events, programmes and your "
        "learning record.",
        listing_summary="How to reach the partnership team.",
        search_description="Contact the Praxis Teaching Partnership.",
        body=[
            heading("Email and phone"),
            paragraph(
                f'<p>Email <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> or call 0113 496 0000, '
                "Monday to Friday, 9am to 5pm. We reply to emails within two working days.</p>"
            ),
            heading("Courses and the Centre"),
            paragraph(
                "<p>For courses and the Practice Leader Development Programme, email "
                '<a href="mailto:centre@praxis.example">centre@praxis.example</a>.</p>'
            ),
            heading("Find us"),
            paragraph(
                "<p>Centre for Social Work, Riverside University, Campus Way, Northfield NF1 4RU. "
                "The building has step-free access and an accessible toilet on every floor.</p>"
            ),
        ],
    )
    pages["accessibility"] = upsert_page(
        demo.home,
        StandardPage,
        slug="accessibility",
        title="Accessibility statement",
        intro="We want everyone to be able to use this website. This statement explains how "
        "accessible it is and what to do if something does not work for you.",
        listing_summary="How accessible this website is, and how to report a problem.",
        search_description="Accessibility statement for the Praxis Teaching Partnership website.",
        body=[
            heading("How accessible this website is"),
            paragraph(
                "<p>We build and test the site to meet the Web Content Accessibility Guidelines "
                "(WCAG) 2.2 at level AA. You should be able to:</p><ul><li>zoom in up to 400% "
                "without text spilling off the screen</li><li>navigate the whole site using just "
                "a keyboard</li><li>use the site with a screen reader</li><li>read every status "
                "without relying on colour</li></ul>"
            ),
            heading("Known problems"),
            paragraph(
                "<p>Some older PDF reports are not fully accessible. If you need one in another "
                "format, ask us and we will send it within five working days.</p>"
            ),
            heading("Reporting a problem"),
            paragraph(
                f'<p>Email <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> and tell us the page '
                "and the problem. If you are not happy with our response, contact the Equality "
                "Advisory and Support Service (EASS).</p>"
            ),
        ],
    )
    pages["privacy"] = upsert_page(demo.home, StandardPage, **privacy_notice())
    return pages


def privacy_notice() -> dict:
    return {
        "slug": "privacy",
        "title": "Privacy notice",
        "intro": "This notice explains what personal information Praxis keeps about you when you "
        "have an account, why, for how long, and your rights.",
        "listing_summary": "What we keep about you, why, for how long, and your rights.",
        "search_description": "Privacy notice: what the Praxis website stores about members.",
        "body": [
            heading("Who we are"),
            paragraph(
                "<p>The Praxis Teaching Partnership is the data controller. Riverside University "
                "runs the website for the partnership. Our data protection officer can be "
                f'reached at <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>'
            ),
            heading("What we keep"),
            paragraph(
                "<ul><li><strong>Your account:</strong> your name, email address, password (stored "
                "only as a secure hash), organisation, job title, role and, if you give it, your "
                "Social Work England registration number.</li><li><strong>Your CPD records:</strong> "
                "what you record about your learning and its impact, peer reflections, the "
                "standards you link them to, and bookings and attendance at our courses and "
                "events.</li><li><strong>Your evidence files:</strong> documents you upload to "
                "support a record. Do not upload anything that identifies the people you work "
                "with.</li><li><strong>Certificates:</strong> the certificates we issue you, with "
                "their serial number and verification code.</li><li><strong>Programme records:</strong> "
                "if you are on a programme, your logged days and your mentor's confirmations.</li></ul>"
            ),
            heading("Why we keep it"),
            paragraph(
                "<p>To give you a learning record you can use for your Social Work England renewal, "
                "to run courses and programmes, and to issue certificates. Our lawful basis is "
                "the performance of a task in the public interest: supporting the professional "
                "development of social workers.</p>"
            ),
            heading("Who can see it"),
            paragraph(
                "<p>Only you can see your CPD records and evidence files. If you are on a programme, "
                "your mentor sees your programme records (not your CPD), and the Centre's programme "
                "staff see attendance. Anyone with a certificate's verification code can check that "
                "certificate, and sees only what is printed on it. We never sell your information "
                "or share it with your employer without your agreement.</p>"
            ),
            heading("How long we keep it"),
            paragraph(
                "<p>We keep your account and records while your account is open. If you have not "
                "logged in for six years we will email you, then delete your account. We keep a "
                "record of the certificates we issued, so they can still be verified, for six years "
                "after issue.</p>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>You can download everything we hold about you, and delete your account, from your "
                "account's privacy page at any time. You can also ask us to correct information, "
                "and you can complain to the Information Commissioner's Office (ico.org.uk).</p>"
            ),
        ],
    }
