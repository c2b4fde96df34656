import factory

from members.models import Organisation, User

DEFAULT_PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    kind = Organisation.Kind.LOCAL_AUTHORITY
    is_partner = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = User.Role.PRACTITIONER
    swe_registration_number = factory.Sequence(lambda n: f"SW{100000 + n}")
    password = factory.django.Password(DEFAULT_PASSWORD)
