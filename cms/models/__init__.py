from .base import BasePage, ListingFieldsMixin, SocialFieldsMixin
from .courses import (
    Audience,
    CourseCohort,
    CourseIndexPage,
    CoursePage,
    CoursePageTag,
    CoursePlaceAllocation,
    CourseTutor,
)
from .events import EventIndexPage, EventPage, EventPageTag, EventSpeaker
from .frameworks import Framework, Statement
from .people import Person, PersonIndexPage, PersonTag
from .programmes import (
    ActivityType,
    Phase,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePhase,
    ProgrammeRequirement,
)
from .projects import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ChangeProjectIndexPage,
    ChangeProjectPage,
    ChangeProjectProduct,
)
from .research import (
    ResearchAuthor,
    ResearchIndexPage,
    ResearchOutputPage,
    ResearchOutputPageTag,
    ResearchRelatedPage,
)
from .settings import FooterLink, SiteSettings
from .standard import FormField, FormPage, StandardPage

__all__ = [
    "ActivityType",
    "Audience",
    "BasePage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "ChangeProjectIndexPage",
    "ChangeProjectPage",
    "ChangeProjectProduct",
    "CourseCohort",
    "CourseIndexPage",
    "CoursePage",
    "CoursePageTag",
    "CoursePlaceAllocation",
    "CourseTutor",
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "EventSpeaker",
    "FooterLink",
    "FormField",
    "FormPage",
    "Framework",
    "ListingFieldsMixin",
    "Person",
    "PersonIndexPage",
    "PersonTag",
    "Phase",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammePhase",
    "ProgrammeRequirement",
    "ResearchAuthor",
    "ResearchIndexPage",
    "ResearchOutputPage",
    "ResearchOutputPageTag",
    "ResearchRelatedPage",
    "SiteSettings",
    "SocialFieldsMixin",
    "Statement",
    "StandardPage",
]
