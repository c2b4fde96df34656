import factory
from faker import Faker

from members.models import Organisation, User

_faker = Faker("en_GB")


def plain_name(kind: str):
    """A realistic British name with letters only (a factory attribute).

    Tests look for names in rendered HTML, where O'Brien is O&#x27;Brien: a name with an
    apostrophe made those tests fail now and then. Escaping is tested on purpose elsewhere,
    with markup and apostrophes in every field.
    """

    def make() -> str:
        while not (name := getattr(_faker, kind)()).isalpha():
            pass
        return name

    return factory.LazyFunction(make)


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
    first_name = plain_name("first_name")
    last_name = plain_name("last_name")
    role = User.Role.PRACTITIONER
    swe_registration_number = factory.Sequence(lambda n: f"SW{100000 + n}")
    password = factory.django.Password(DEFAULT_PASSWORD)
