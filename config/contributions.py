"""What each app contributes to the others, declared on its AppConfig and found in one place.

An app lists modules by kind, and where the order across apps matters, gives its place:

    class MembersConfig(AppConfig):
        contributions = {"member_data": ["members.member_data"], "demo": ["members.demo"]}
        contributions_order = {"demo": 10}

so `members` can build "download all my data" from every app's part without importing
`learning_records`, and dependencies still point one way. Every declared module is imported by
name: a missing or misspelt one raises ImportError where it is used, and `manage.py check`
imports them all, so it fails in CI rather than leaving a part out of a member's data.
"""

from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Kind:
    attribute: str | None  # what each module must provide; None when importing it is the point
    about: str


KINDS = {
    "member_data": Kind("add_to_archive", "add_to_archive(*, member, archive) adds files to the ZIP"),
    "account_deletion": Kind("notices", "notices(*, member) -> sentences for the delete page"),
    "demo": Kind("load", "load(*, stdout) builds that app's demo content, idempotently"),
    "certificate_kinds": Kind(None, "importing the module registers a certificate kind"),
}
# Apps that give no place for a kind come after those that do, in INSTALLED_APPS order.
DEFAULT_ORDER = 100


def declared(kind: str) -> list[str]:
    """The dotted module names declared for `kind`, in order."""
    if kind not in KINDS:
        raise ImproperlyConfigured(f"Unknown contribution kind {kind!r}; known: {', '.join(sorted(KINDS))}.")
    found = []
    for position, app_config in enumerate(apps.get_app_configs()):
        by_kind = getattr(app_config, "contributions", {})
        unknown = set(by_kind) - set(KINDS)
        if unknown:
            raise ImproperlyConfigured(
                f"{app_config.name} declares unknown contribution kinds: {', '.join(sorted(unknown))}."
            )
        modules = by_kind.get(kind, [])
        if isinstance(modules, str):
            raise ImproperlyConfigured(
                f"{app_config.name}.contributions[{kind!r}] must be a list of modules."
            )
        order = getattr(app_config, "contributions_order", {}).get(kind, DEFAULT_ORDER)
        found += [(order, position, index, name) for index, name in enumerate(modules)]
    return [name for *_, name in sorted(found)]


def contributions(kind: str) -> list[ModuleType]:
    """The modules every app contributes for `kind`, imported, in order. Raises on a bad name."""
    modules = []
    for name in declared(kind):
        module = import_module(name)  # ModuleNotFoundError (an ImportError) for a misspelt name
        attribute = KINDS[kind].attribute
        if attribute and not callable(getattr(module, attribute, None)):
            raise ImproperlyConfigured(
                f"{name} is declared as {kind} but has no {attribute}(): {KINDS[kind].about}."
            )
        modules.append(module)
    return modules


@register()
def check_contributions(app_configs, **kwargs):
    errors = []
    for kind in KINDS:
        try:
            contributions(kind)
        except (ImportError, ImproperlyConfigured) as error:
            errors.append(Error(f"A declared {kind} contribution cannot be used: {error}", id="praxis.E001"))
    return errors
