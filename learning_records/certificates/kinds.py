"""Kinds of certificate, and the registry the issuing service looks them up in.

A kind knows three things: the rule (`missing` says, in plain English, what stops it being
issued), what gets printed (`content`), and how it reads as an Open Badges achievement. The
service does the rest (serials, codes, the PDF, the badge), the same for every kind.

Adding a kind: subclass `CertificateKind`, then `register_kind(MyKind())` in the domain's
`certificate.py`, listed under "certificate_kinds" in the app's `contributions` (apps.py; see
config/contributions.py), which imports it at start-up. Params must be JSON (they are
stored, and re-issue calls the kind again with them). For example:

- CPD statement (`cpd_statement`, member_can_request, params {"year": "2025-26"}): missing()
  says when the year has no submitted record; content() gives facts "Registration number",
  "Registration year", "Records", "Total hours", "Peer-reflected"; one Table of the submitted
  records (Date, Title, Type, Hours numeric, Standards, Peer reflection) with a totals footer;
  alignments for every statement evidenced; subject_key "year:2025-26".
- Programme completion (`programme_completion`, staff or member, params {"enrolment": id}):
  missing() lists each requirement not yet met with mentor-confirmed days, and each of the three
  agreements to the service project still missing; content() gives facts "Cohort", "Service
  project", "Agreed by" (the statement names the programme and the phase); a Table of
  requirements (Activity, Days confirmed, Required); subject_key "enrolment:<id>".
"""

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError


@dataclass(frozen=True)
class Fact:
    """A labelled line, e.g. ("Registration number", "SW123456")."""

    label: str
    value: str


@dataclass(frozen=True)
class Column:
    """A table column: its label, and whether it holds numbers (right-aligned on the web page)."""

    label: str
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    """Rows of text printed as a table, with an optional totals row."""

    caption: str
    columns: list[Column]
    rows: list[list[str]]
    footer: list[str] | None = None

    def __post_init__(self):
        width = len(self.columns)
        if any(len(row) != width for row in self.rows) or (self.footer and len(self.footer) != width):
            raise ValueError(f"Every row of '{self.caption}' must have {width} cells.")


@dataclass(frozen=True)
class Alignment:
    """A framework statement the certificate evidences (an Open Badges `Alignment`)."""

    framework: str
    code: str
    name: str
    url: str

    @classmethod
    def from_statement(cls, statement, *, fallback_url: str) -> "Alignment":
        framework = statement.framework
        return cls(
            framework=f"{framework.name} ({framework.version})",
            code=statement.code,
            name=statement.display_title,
            url=framework.source_url or fallback_url,
        )


@dataclass(frozen=True)
class CertificateContent:
    """Everything a kind prints on a certificate. It becomes the certificate's snapshot, which
    the PDF and the verification page both render, so the two always agree."""

    title: str  # "Certificate of attendance"
    recipient_name: str
    statement: str  # what is certified, as one sentence: "has attended all 15 days of ..."
    subject_key: str  # what this certifies within the kind, e.g. "year:2025-26"
    facts: list[Fact] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)

    def as_snapshot(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("subject_key")
        return data


class CertificateKind:
    """One kind of certificate. Subclasses set the class attributes and implement the methods."""

    code: str = ""  # stored on every certificate; never change it once issued
    name: str = ""  # for lists and filters, e.g. "CPD statement"
    # The PDF template; kinds may extend the generic one and override its blocks.
    pdf_template: str = "learning_records/pdf/certificate.html"
    # Whether a member may ask for it themselves (otherwise only staff issue it).
    member_can_request: bool = False
    # Open Badges: what the achievement is, and the criteria for earning it, in plain English.
    achievement_description: str = ""
    criteria: str = ""

    def clean_params(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Validate what a request asked for (e.g. which year) into JSON-safe params.

        Raise ValidationError with a message a member can read when it makes no sense.
        """
        return {}

    def missing(self, recipient, **params) -> list[str]:
        """Everything that stops this certificate being issued now, one plain sentence each.

        An empty list means the rule is met.
        """
        raise NotImplementedError

    def content(self, recipient, **params) -> CertificateContent:
        """What to print. Called only when `missing` returned nothing."""
        raise NotImplementedError

    def achievement_name(self, content: CertificateContent) -> str:
        return content.title

    def __repr__(self):
        return f"<{type(self).__name__} {self.code!r}>"


_registry: dict[str, CertificateKind] = {}


def register_kind(kind: CertificateKind) -> CertificateKind:
    """Make a kind available to the issuing service under its code."""
    if not kind.code or not kind.name:
        raise ImproperlyConfigured(f"{kind!r} needs a code and a name.")
    existing = _registry.get(kind.code)
    if existing is not None and type(existing) is not type(kind):
        raise ImproperlyConfigured(f"Two kinds of certificate use the code {kind.code!r}.")
    _registry[kind.code] = kind
    return kind


def unregister_kind(code: str) -> None:
    _registry.pop(code, None)


def get_kind(code: str) -> CertificateKind:
    try:
        return _registry[code]
    except KeyError:
        raise ValidationError(
            f"There is no kind of certificate called “{code}”.", code="unknown_kind"
        ) from None


def registered_kinds() -> Iterable[CertificateKind]:
    return sorted(_registry.values(), key=lambda kind: kind.name)


def kind_name(code: str) -> str:
    """A kind's name for display, even for certificates of a kind no longer registered."""
    kind = _registry.get(code)
    return kind.name if kind else code.replace("_", " ").capitalize()
