"""The demo partnership site: every page under the home page, people, settings and promotions.

It lives in `home` because it builds on the home page and uses every section's steps in
`cms/demo/`, which never import `home`. Runs after members/demo.py (see the apps'
`contributions_order`), whose organisations it uses. Each step looks its
pages up by slug under their parent and updates them, so a second run changes nothing but
dates and revisions.
"""

from dataclasses import dataclass, field

from cms.demo.case_studies import load_case_studies
from cms.demo.courses import load_course_index, load_courses
from cms.demo.events import load_event_index, load_events
from cms.demo.people import load_directory, load_people
from cms.demo.programmes import load_centre_index, load_programme
from cms.demo.projects import load_change_project_index, load_change_projects
from cms.demo.research import load_research, load_research_index
from cms.demo.site import load_home, load_partner_logos, load_promotions, load_settings
from cms.demo.standard import load_interest_form, load_standard_pages
from home.models import HomePage
from members import demo as members
from members.models import Organisation


@dataclass
class DemoSite:
    """What the steps share: the home page, organisations, people and pages by key."""

    home: HomePage
    organisations: dict
    people: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)

    def add(self, prefix: str, pages: dict) -> None:
        self.pages.update({f"{prefix}:{slug}": page for slug, page in pages.items()})


def load(*, stdout):
    names = [name for name, *_ in members.ORGANISATIONS]
    demo = DemoSite(
        home=HomePage.objects.get(depth=2),
        organisations={org.name: org for org in Organisation.objects.filter(name__in=names)},
    )
    missing = set(names) - set(demo.organisations)
    if missing:
        raise LookupError(
            f"Load the members demo first; missing organisations: {', '.join(sorted(missing))}."
        )

    load_partner_logos(demo)
    demo.people = load_people(demo)
    stdout.write(f"  {len(demo.people)} people in the directory")

    # Top-level sections first, in the order of the main menu (new pages go last among siblings).
    demo.pages["courses"] = load_course_index(demo)
    demo.pages["events"] = load_event_index(demo)
    demo.pages["research"] = load_research_index(demo)
    demo.pages["centre"] = load_centre_index(demo)
    demo.pages["change-projects"] = load_change_project_index(demo)
    demo.pages["people"] = load_directory(demo)

    courses = load_courses(demo)
    demo.add("course", courses)
    programme = load_programme(demo)
    demo.pages[f"programme:{programme.slug}"] = programme
    stdout.write(f"  {len(courses)} courses and the {programme.title}")

    research = load_research(demo)
    demo.add("research", research)
    events = load_events(demo, research)
    demo.add("event", events)
    stdout.write(f"  {len(research)} research outputs and {len(events)} events")

    demo.pages["express-interest"] = load_interest_form(demo)
    projects = load_change_projects(demo)
    demo.add("project", projects)
    demo.pages["case-studies"], case_study = load_case_studies(demo)
    demo.pages[f"case-study:{case_study.slug}"] = case_study
    demo.pages.update(load_standard_pages(demo))
    stdout.write(f"  {len(projects)} change projects, a case study and the standard pages")

    demo.home = load_home(demo)
    load_settings(demo)
    load_promotions(demo)
    pages = demo.home.get_descendants().count()
    stdout.write(f"  home page, site settings and search promotions; {pages} pages under the home page")
