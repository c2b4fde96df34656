"""Demo partner organisations and demo logins, loaded by `manage.py load_demo_content`.

Every name here is fictional. The README lists the logins; every run resets their passwords
to DEMO_PASSWORD so those logins keep working, and updates everything else in place.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from members.models import Organisation, User

DEMO_PASSWORD = "praxis-demo-2026"  # noqa: S105 (published on purpose: demo sites only)

# Wagtail's own default groups (wagtailcore and wagtailadmin migrations create them).
EDITORS = "Editors"
MODERATORS = "Moderators"
# Created by a data migration on the programme branch; the demo never creates it.
PROGRAMME_STAFF = "Programme staff"

NORTHFIELD = "Northfield City Council"
EASTMOOR = "Eastmoor County Council"
WESTBROOK = "Westbrook Borough Council"
ASHDALE = "Ashdale Metropolitan Borough Council"
HARBOUR_VALE = "Harbour Vale Council"
RIVERSIDE = "Riverside University"
KINGSMERE = "Kingsmere University"
CARERS_ALLIANCE = "Northfield Carers' Alliance"
FAMILY_NETWORK = "Eastmoor Family Support Network"
KESTREL_LANE = "Kestrel Lane Fostering"

LOCAL_AUTHORITIES = [NORTHFIELD, EASTMOOR, WESTBROOK, ASHDALE, HARBOUR_VALE]

_LA = Organisation.Kind.LOCAL_AUTHORITY
ORGANISATIONS = [
    # (name, kind, is_partner, website, description)
    (
        NORTHFIELD,
        _LA,
        True,
        "https://www.northfield.example",
        "A city council serving about 310,000 people, with children's and adults' services "
        "in six locality teams.",
    ),
    (
        EASTMOOR,
        _LA,
        True,
        "https://www.eastmoor.example",
        "A large rural county council whose family safeguarding teams cover 40 market towns and villages.",
    ),
    (
        WESTBROOK,
        _LA,
        True,
        "https://www.westbrook.example",
        "A borough council with a practice-led children's service and a growing adult social care academy.",
    ),
    (
        ASHDALE,
        _LA,
        True,
        "https://www.ashdale.example",
        "A metropolitan borough council that hosts the partnership's adult social care practice forum.",
    ),
    (
        HARBOUR_VALE,
        _LA,
        True,
        "https://www.harbourvale.example",
        "A coastal unitary council that joined the partnership in its second year.",
    ),
    (
        RIVERSIDE,
        Organisation.Kind.UNIVERSITY,
        True,
        "https://www.riverside.example",
        "Home of the Centre for Social Work and the partnership's lead university.",
    ),
    (
        KINGSMERE,
        Organisation.Kind.UNIVERSITY,
        True,
        "https://www.kingsmere.example",
        "Runs the partnership's research seminars and its programme of evaluation.",
    ),
    (
        CARERS_ALLIANCE,
        Organisation.Kind.VOLUNTARY,
        True,
        "https://www.northfieldcarers.example",
        "A voluntary agency that supports unpaid carers and brings their voice into teaching.",
    ),
    (
        FAMILY_NETWORK,
        Organisation.Kind.VOLUNTARY,
        False,
        "https://www.eastmoorfamilies.example",
        "A network of family support projects that takes part in change projects.",
    ),
    (
        KESTREL_LANE,
        Organisation.Kind.PRIVATE,
        False,
        "https://www.kestrellane.example",
        "An independent fostering agency that joins the practice educator forum.",
    ),
]

# (email, first name, last name, role, organisation, SWE number, job title, group names)
PEOPLE = [
    (
        "practitioner@praxis.example",
        "Priya",
        "Shah",
        User.Role.PRACTITIONER,
        NORTHFIELD,
        "SW204518",
        "Social worker, Children in Need team",
        [],
    ),
    (
        "aspirant@praxis.example",
        "Sam",
        "Okafor",
        User.Role.ASPIRING_PRACTICE_LEADER,
        EASTMOOR,
        "SW187236",
        "Team manager, Family Safeguarding",
        [],
    ),
    (
        "mentor@praxis.example",
        "Jo",
        "Whitfield",
        User.Role.MENTOR,
        WESTBROOK,
        "SW095521",
        "Principal social worker",
        [],
    ),
    (
        "staff@praxis.example",
        "Morgan",
        "Price",
        "",
        RIVERSIDE,
        "",
        "Programme coordinator, Centre for Social Work",
        [PROGRAMME_STAFF],
    ),
    (
        "editor@praxis.example",
        "Alex",
        "Reid",
        "",
        RIVERSIDE,
        "",
        "Communications officer",
        [EDITORS],
    ),
    (
        "moderator@praxis.example",
        "Rowan",
        "Ellis",
        "",
        RIVERSIDE,
        "",
        "Partnership manager",
        [MODERATORS],
    ),
]
ADMIN_EMAIL = "admin@praxis.example"
PRACTITIONER_EMAIL = "practitioner@praxis.example"  # whose CPD record and statement the demo shows
DEMO_EMAILS = [person[0] for person in PEOPLE] + [ADMIN_EMAIL]


def load(*, stdout):
    organisations = load_organisations()
    stdout.write(f"  {len(organisations)} organisations")
    users = load_users(organisations, stdout=stdout)
    stdout.write(f"  {len(users)} demo logins (password {DEMO_PASSWORD})")


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for name, kind, is_partner, website, description in ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            name=name,
            defaults={"kind": kind, "is_partner": is_partner, "website": website, "description": description},
        )
        organisations[name] = organisation
    return organisations


def load_users(organisations: dict[str, Organisation], *, stdout) -> list[User]:
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    users = []
    for email, first, last, role, organisation, swe, job_title, group_names in PEOPLE:
        user = _demo_user(
            email,
            first_name=first,
            last_name=last,
            role=role,
            organisation=organisations[organisation],
            swe_registration_number=swe,
            job_title=job_title,
        )
        for name in group_names:
            group = Group.objects.filter(name=name).first()
            if group is None:
                stdout.write(
                    f"  Note: there is no '{name}' group yet, so {email} has no admin access. "
                    "Run the migrations that create it, then load the demo again."
                )
                continue
            # Wagtail's Editors and Moderators have this by default; make sure, so the
            # README's "log in to /admin/" works even if someone edited the groups.
            if name in (EDITORS, MODERATORS):
                group.permissions.add(access_admin)
            user.groups.add(group)
        users.append(user)
    users.append(
        _demo_user(
            ADMIN_EMAIL,
            first_name="Praxis",
            last_name="Administrator",
            is_staff=True,
            is_superuser=True,
            job_title="Site administrator",
        )
    )
    return users


def _demo_user(email: str, **fields) -> User:
    user = User.objects.filter(email__iexact=email).first() or User(email=email)
    for name, value in fields.items():
        setattr(user, name, value)
    user.is_active = True
    user.set_password(DEMO_PASSWORD)
    user.full_clean()
    user.save()
    _verify_email(user)
    return user


def _verify_email(user: User) -> None:
    """Mark the address verified when django-allauth is installed, so demo logins are not
    held back by email verification (allauth lands on another branch; no import needed)."""
    if not apps.is_installed("allauth.account"):
        return
    EmailAddress = apps.get_model("account", "EmailAddress")  # noqa: N806
    EmailAddress.objects.update_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email, "verified": True, "primary": True}
    )
