from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import RegexValidator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """A partner body: a local authority, a university, or a voluntary or private agency."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        UNIVERSITY = "university", "University"
        VOLUNTARY = "voluntary", "Voluntary agency"
        PRIVATE = "private", "Private agency"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    website = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_partner = models.BooleanField(
        default=False,
        help_text="Tick for members of the teaching partnership; they appear on the home page.",
    )
    description = models.TextField(blank=True, help_text="One or two sentences for listings.")

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("is_partner"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("is_partner"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    """Email is the login; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        # Emails are matched without regard to case, so Jo@x.org and jo@x.org are one account.
        return self.get(email__iexact=email)


swe_registration_validator = RegexValidator(
    regex=r"^SW\d{1,10}$",
    message="Enter your Social Work England registration number: SW followed by digits, "
    "for example SW123456.",
)


class User(AbstractUser):
    """A person with a Praxis login: members, mentors, programme staff and editors alike."""

    class Role(models.TextChoices):
        PRACTITIONER = "practitioner", "Practitioner"
        FRONTLINE_MANAGER = "frontline_manager", "Frontline manager"
        PRACTICE_SUPERVISOR = "practice_supervisor", "Practice supervisor"
        PRACTICE_LEADER = "practice_leader", "Practice leader"
        ASPIRING_PRACTICE_LEADER = "aspiring_practice_leader", "Aspiring practice leader"
        MENTOR = "mentor", "Mentor"
        STUDENT = "student", "Student"
        ACADEMIC = "academic", "Academic"

    username = None
    email = models.EmailField("email address", unique=True)
    role = models.CharField(max_length=30, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    swe_registration_number = models.CharField(
        "Social Work England registration number",
        max_length=12,
        blank=True,
        validators=[swe_registration_validator],
        help_text="SW followed by digits, as on the Social Work England register.",
    )
    job_title = models.CharField(max_length=150, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email.split("@")[0]
