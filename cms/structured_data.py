"""schema.org descriptions (JSON-LD) of courses, events and research outputs, as plain dicts.

Templates print them with the `json_ld` tag (cms_tags), which escapes them for a script element.
"""

from django.utils import timezone

from cms.ical import LONDON
from cms.models.settings import SiteSettings

CONTEXT = "https://schema.org"


def organisation(request) -> dict:
    return {
        "@type": "Organization",
        "name": SiteSettings.for_request(request).organisation_name,
        "url": request.build_absolute_uri("/"),
    }


def research_output_data(page, request, authors) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "ScholarlyArticle" if page.is_journal_article else "Report",
        "headline": page.title[:110],
        "name": page.title,
        "url": page.get_full_url(request),
        "datePublished": page.publication_date.isoformat(),
        "abstract": page.abstract,
        "inLanguage": "en-GB",
        "author": [
            {"@type": "Person", "name": author.display_name, "givenName": given, "familyName": family}
            for author in authors
            for given, family in [author.names]
        ],
        "keywords": [tag.name for tag in page.tags.all()],
    }
    if page.publisher:
        data["publisher"] = {"@type": "Organization", "name": page.publisher}
    if page.is_journal_article and page.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": page.journal}
    if page.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi}
        data["sameAs"] = page.doi_url
    if page.document:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(page.document.url),
            "encodingFormat": page.document.content_type or "application/pdf",
        }
    return data


def attendance_mode(event) -> str:
    if event.is_online and event.is_in_person:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.is_online:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def event_locations(event) -> list[dict]:
    locations = []
    if event.is_in_person:
        place = {"@type": "Place", "name": event.venue}
        if event.address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": ", ".join(event.address.split("\n")),
            }
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def event_data(page, request, speakers=()) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "startDate": timezone.localtime(page.start, LONDON).isoformat(),
        "endDate": timezone.localtime(page.end, LONDON).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance_mode(page),
        "location": event_locations(page),
        "organizer": organisation(request),
        "inLanguage": "en-GB",
    }
    if speakers:
        data["performer"] = [{"@type": "Person", "name": speaker.display_name} for speaker in speakers]
    if page.capacity:
        data["maximumAttendeeCapacity"] = page.capacity
    if page.audiences:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(page.audience_labels)}
    return data


def course_data(page, request) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Course",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "provider": organisation(request),
        "inLanguage": "en-GB",
        "about": [tag.name for tag in page.tags.all()],
        "hasCourseInstance": [
            {
                "@type": "CourseInstance",
                "name": cohort.name,
                "startDate": cohort.start_date.isoformat(),
                "endDate": cohort.end_date.isoformat(),
                "courseMode": "Onsite",
            }
            for cohort in page.cohorts.all()
        ],
    }
    if page.audiences:
        data["audience"] = {
            "@type": "EducationalAudience",
            "educationalRole": ", ".join(page.audience_labels),
        }
    if page.accreditation_body and page.accreditation_status == page.AccreditationStatus.ACCREDITED:
        data["educationalCredentialAwarded"] = f"Accredited by {page.accreditation_body}"
    return data
