"""`manage.py load_demo_content`: the whole demo site, built once for the module."""

import datetime
import io
from decimal import Decimal

from pypdf import PdfReader

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory, TestCase, override_settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms import models as cms
from cms.models.projects import MAX_PARTNER_AGENCIES
from cms.models.research import DOI_PATTERN
from home.models import HomePage
from members.models import Organisation

ActivityType, Phase = cms.ActivityType, cms.Phase


def load_demo(**options) -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "people": cms.Person.objects.count(),
        "promotions": SearchPromotion.objects.count(),
        "cohorts": cms.CourseCohort.objects.count(),
        "speakers": cms.EventSpeaker.objects.count(),
        "authors": cms.ResearchAuthor.objects.count(),
    }


class CommandGuardTests(TestCase):
    def test_refuses_with_debug_off_unless_forced(self):
        with self.assertRaisesMessage(CommandError, "Refusing to load demo content with DEBUG off"):
            load_demo()
        self.assertFalse(cms.CoursePage.objects.exists())


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo(force=True)

    def home(self):
        return HomePage.objects.get(depth=2)

    def test_reports_what_it_loaded(self):
        self.assertIn("Loading demo content for members", self.output)
        self.assertIn("5 courses and the Practice Leader Development Programme", self.output)
        self.assertIn("Demo content is ready", self.output)

    @override_settings(DEBUG=True)
    def test_running_again_duplicates_nothing_and_keeps_row_ids(self):
        before = counts()
        requirement_ids = list(cms.ProgrammeRequirement.objects.order_by("pk").values_list("pk", flat=True))
        cohort_ids = list(cms.CourseCohort.objects.order_by("pk").values_list("pk", flat=True))

        # With DEBUG on, as under `make run`, no --force is needed.
        self.assertIn("Demo content is ready", load_demo())

        self.assertEqual(counts(), before)
        self.assertEqual(
            list(cms.ProgrammeRequirement.objects.order_by("pk").values_list("pk", flat=True)),
            requirement_ids,
        )
        self.assertEqual(
            list(cms.CourseCohort.objects.order_by("pk").values_list("pk", flat=True)), cohort_ids
        )

    def test_every_page_is_live_published_and_reachable_by_its_url(self):
        home = self.home()
        pages = list(home.get_descendants(inclusive=True).specific())
        self.assertGreaterEqual(len(pages), 35)
        request = RequestFactory().get("/")
        for page in pages:
            with self.subTest(page=page.title):
                self.assertTrue(page.live)
                self.assertFalse(page.has_unpublished_changes)
                self.assertIsNotNone(page.live_revision_id)
                self.assertIsNotNone(page.url)
                components = [part for part in page.url.split("/") if part]
                self.assertEqual(home.route(request, components).page.pk, page.pk)

    def test_home_page_renders_with_its_hero(self):
        response = self.client.get("/")
        self.assertContains(response, "Better social work, learnt together")
        # The hero image doubles as the share image: the social meta tags render it.
        self.assertContains(response, 'property="og:image"')
        self.assertContains(response, "Praxis Teaching Partnership")
        home = self.home()
        self.assertEqual(home.hero_link_page.specific_class, cms.CourseIndexPage)
        self.assertEqual(len(home.featured_course_pages), 3)

    def test_search_page_renders(self):
        self.assertEqual(self.client.get("/search/", {"q": "court"}).status_code, 200)

    def test_pages_are_in_the_search_index(self):
        results = Page.objects.live().search("Solihull")
        self.assertIn("The Solihull Approach in early help: an evaluation", [page.title for page in results])

    def test_main_menu(self):
        menu = self.home().get_children().live().in_menu().values_list("title", flat=True)
        self.assertEqual(
            list(menu),
            [
                "Courses",
                "Events",
                "Research",
                "Centre for Social Work",
                "Change projects",
                "People",
                "About the partnership",
            ],
        )

    def test_programme_requirements_follow_the_centres_description(self):
        programme = cms.ProgrammePage.objects.get(slug="practice-leader-development-programme")
        prep, in_role = Phase.PREPARATORY, Phase.IN_ROLE
        table = [
            # activity, phase, min days, max days, mentor attends
            (ActivityType.RESIDENTIAL, prep, "2", "2", True),
            (ActivityType.SEMINAR, prep, "8", "12", False),
            (ActivityType.MENTOR_AUTHORITY_DAY, prep, "0", "5", False),
            (ActivityType.MENTOR_VISIT_DAY, prep, "0", "2", True),
            (ActivityType.SERVICE_PROJECT, prep, "1", None, False),
            (ActivityType.OFSTED_EXERCISE, prep, "0", "2", False),
            (ActivityType.MENTORING, in_role, "3", None, True),
        ]
        self.assertEqual(programme.requirements.count(), len(table))
        for activity, phase, minimum, maximum, mentor in table:
            with self.subTest(activity=activity, phase=phase):
                row = programme.requirement_for(activity, phase)
                self.assertEqual(row.min_days, Decimal(minimum))
                self.assertEqual(row.max_days, Decimal(maximum) if maximum else None)
                self.assertEqual(row.mentor_attends, mentor)
                self.assertTrue(row.notes)
        self.assertTrue(programme.requirement_for(ActivityType.OFSTED_EXERCISE, prep).is_optional)
        self.assertEqual([phase.phase for phase in programme.phases.all()], [prep, in_role])
        programme.full_clean()

    def test_courses(self):
        courses = cms.CoursePage.objects.all()
        self.assertEqual(
            sorted(courses.values_list("slug", flat=True)),
            sorted(
                [
                    "personalisation",
                    "domestic-violence",
                    "therapeutic-approaches",
                    "practice-education",
                    "systemic-practice",
                ]
            ),
        )
        authorities = Organisation.objects.filter(kind=Organisation.Kind.LOCAL_AUTHORITY, is_partner=True)
        for course in courses:
            with self.subTest(course=course.slug):
                course.full_clean()
                self.assertEqual((course.classroom_days, course.attendance_threshold_percent), (15, 90))
                self.assertEqual(course.max_days_missed, 2)
                self.assertLessEqual(course.embedded_service_days, 5)
                today = timezone.localdate()
                self.assertEqual(len([c for c in course.upcoming_cohorts() if c.start_date > today]), 2)
                running = [c for c in course.cohorts.all() if c.start_date <= today <= c.end_date]
                finished = [c for c in course.cohorts.all() if c.session_days[-1] < today]
                self.assertEqual(len(running), 1 if course.slug == "systemic-practice" else 0)
                self.assertEqual(len(finished), 1 if course.slug == "systemic-practice" else 0)
                for cohort in course.cohorts.all():
                    cohort.full_clean(exclude=["course"])
                    self.assertEqual(len(cohort.session_days), 15)
                self.assertGreaterEqual(course.statements.count(), 2)
                self.assertTrue(course.tutors.exists() and course.tags.exists() and course.audiences)
                self.assertEqual(
                    {a.organisation_id for a in course.place_allocations.all()}, {a.pk for a in authorities}
                )
        systemic = courses.get(slug="systemic-practice")
        self.assertEqual(systemic.accreditation_body, "Association for Family Therapy")
        self.assertEqual(systemic.embedded_service_days, 5)

    def test_events(self):
        events = list(cms.EventPage.objects.all())
        titles = [event.title for event in events]
        for title in (
            "The Politics of Risk in Child Protection",
            "Dementia Matters",
            "Transitional Safeguarding",
        ):
            self.assertIn(title, titles)
        kinds = {event.kind for event in events}
        self.assertTrue({"lunch", "pe_forum", "residential"} <= kinds)
        past = [event for event in events if event.is_past]
        self.assertTrue(0 < len(past) < len(events) / 2)
        summer = [e for e in events if timezone.localtime(e.start).utcoffset() == datetime.timedelta(hours=1)]
        self.assertTrue(any(e.is_past for e in summer) and any(not e.is_past for e in summer))
        for event in events:
            with self.subTest(event=event.title):
                event.full_clean()
                self.assertTrue(event.speakers.exists())
                self.assertTrue(event.cpd_hours)
        self.assertTrue(cms.EventPage.objects.get(slug="dementia-matters").related_research.exists())

    def test_research_outputs_have_authors_dois_and_real_pdfs(self):
        outputs = cms.ResearchOutputPage.objects.all()
        self.assertEqual(outputs.count(), 5)
        self.assertGreaterEqual(len({output.output_type for output in outputs}), 4)
        for output in outputs:
            with self.subTest(output=output.slug):
                output.full_clean()
                self.assertGreaterEqual(len(output.author_names), 2)
                if output.doi:
                    self.assertTrue(output.doi.startswith("10.5555/") and DOI_PATTERN.match(output.doi))
                with output.document.open_file() as pdf:
                    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
                self.assertIn(output.title, text)
                self.assertIn(output.author_names[0], text)
        isolation = outputs.get(slug="social-isolation-older-people")
        self.assertEqual(isolation.author_names, ["Ruth Calloway", "Femi Oduya", "Kate Brennan"])
        self.assertIsNone(isolation.authors.last().person)
        self.assertTrue(isolation.related_pages.exists())

    def test_change_projects(self):
        projects = cms.ChangeProjectPage.objects.all()
        self.assertEqual(
            sorted(projects.values_list("title", flat=True)),
            [
                "Leadership for Evidence-Informed Practice",
                "Partnership Working on the Front Line",
                "Using Evidence in Court",
            ],
        )
        for project in projects:
            with self.subTest(project=project.title):
                project.full_clean()
                self.assertTrue(0 < project.partner_agencies.count() <= MAX_PARTNER_AGENCIES)
                self.assertTrue(project.products.exists())
                for product in project.products.all():
                    with product.document.open_file() as pdf:
                        self.assertEqual(pdf.read(5), b"%PDF-")
        open_call = projects.get(slug="partnership-working-on-the-front-line")
        self.assertEqual(open_call.interest_page.specific_class, cms.FormPage)

    def test_academics_in_practice_case_study_uses_the_dfe_template(self):
        case_study = cms.CaseStudyPage.objects.get(slug="academics-in-practice")
        self.assertEqual(case_study.fact_box[0].block_type, "fact_box")
        self.assertGreaterEqual(len(case_study.fact_box[0].value["facts"]), 3)
        self.assertGreaterEqual(len(case_study.quotes), 2)
        for field in ("partnership", "work_areas", "objectives", "outcomes", "future_developments"):
            self.assertTrue(getattr(case_study, field), field)
        self.assertEqual(case_study.lead_organisation.kind, Organisation.Kind.UNIVERSITY)

    def test_people_directory(self):
        people = cms.Person.objects.for_listing()
        self.assertGreaterEqual(people.count(), 12)
        for person in people:
            with self.subTest(person=person.full_name):
                self.assertTrue(person.areas_of_interest.exists() and person.offers and person.organisation)
                self.assertTrue(person.biography and person.photo)
        self.assertEqual(cms.PersonIndexPage.objects.get().slug, "people")

    def test_interest_form_and_standard_pages(self):
        form = cms.FormPage.objects.get(slug="express-interest")
        self.assertEqual(form.title, "Express interest in a change project")
        self.assertGreaterEqual(form.form_fields.count(), 5)
        self.assertTrue(form.form_fields.filter(field_type="email", required=True).exists())
        slugs = set(cms.StandardPage.objects.values_list("slug", flat=True))
        self.assertTrue({"about", "contact", "accessibility", "privacy"} <= slugs)
        privacy = str(cms.StandardPage.objects.get(slug="privacy").body)
        for stored in ("CPD records", "evidence files", "Certificates", "account"):
            self.assertIn(stored, privacy)

    def test_site_settings_and_search_promotions(self):
        settings = cms.SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.assertEqual(settings.organisation_name, "Praxis Teaching Partnership")
        self.assertTrue(settings.logo and settings.signature_image and settings.signatory_name)
        self.assertTrue(settings.footer_text and settings.contact_email)
        self.assertEqual([link.href for link in settings.footer_links.all()][-1], "/privacy/")
        promotion = SearchPromotion.objects.get(query__query_string="pldp")
        self.assertEqual(promotion.page.slug, "practice-leader-development-programme")

    def test_images_have_descriptions_and_partners_have_logos(self):
        for image in get_image_model().objects.all():
            with self.subTest(image=image.title):
                self.assertTrue(image.description)
                self.assertTrue(image.width > 0 and image.file_size and image.file_hash)
        self.assertFalse(Organisation.objects.filter(is_partner=True, logo__isnull=True).exists())
        self.assertTrue(
            all(page.specific.listing_image for page in self.home().get_children().live().in_menu())
        )
