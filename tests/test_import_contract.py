"""The import contract (DESIGN.md, issue 13), checked on the source with `ast`:

- cms, members, home and search never import learning_records (they link to it by URL name, and
  find its contributions through config/contributions.py);
- inside learning_records, a domain (cpd, programme, certificates) uses another domain only
  through its models (for foreign keys), rules (pure functions), services and selectors, and
  the certificates domain's `kinds` (how a domain defines a certificate); never its views,
  forms, admin, demo, tasks or data export. `learning_records.common` is for every domain.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = ["cms", "members", "home", "search"]
DOMAINS = ["cpd", "programme", "certificates"]
PUBLIC = {"models", "rules", "services", "selectors"}
PUBLIC_BY_DOMAIN = {"certificates": {"kinds"}}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted name) for every import, relative ones resolved, `from a import b` as a.b."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def cross_domain_problem(importer: str, imported: str) -> str | None:
    """Why `importer` (a module of learning_records) may not import `imported`, or None."""
    parts = imported.split(".")
    if parts[0] != "learning_records" or len(parts) < 2:
        return None
    own = importer.split(".")
    own_domain = own[1] if len(own) > 1 and own[1] in DOMAINS else None
    if own_domain is None:
        return None  # apps, wagtail_hooks, checks, templatetags, migrations: the app's wiring
    if parts[1] == "models" and len(parts) >= 3:
        return (
            "import the domain's own models (learning_records.<domain>.models), not the app-level re-export"
        )
    other = parts[1]
    if other not in DOMAINS or other == own_domain:
        return None
    allowed = PUBLIC | PUBLIC_BY_DOMAIN.get(other, set())
    if len(parts) < 3 or parts[2] not in allowed:
        return f"another domain is used only through {', '.join(sorted(allowed))}"
    return None


def python_files(*folders: str):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", OUTSIDE)
def test_the_content_and_member_apps_never_import_learning_records(folder):
    offences = []
    for path in python_files(folder):
        module = module_name(path)
        for line, name in imported_modules(path.read_text(), module, path.name == "__init__.py"):
            if name == "learning_records" or name.startswith("learning_records."):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert offences == []


def test_domains_use_each_other_only_through_their_public_modules():
    offences = []
    for path in python_files("learning_records"):
        module = module_name(path)
        for line, name in imported_modules(path.read_text(), module, path.name == "__init__.py"):
            problem = cross_domain_problem(module, name)
            if problem:
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {name}: {problem}")
    assert offences == []


@pytest.mark.parametrize(
    ("importer", "source", "expected"),
    [
        ("cms.views", "from learning_records.cpd import services", ["learning_records.cpd.services"]),
        ("cms.demo", "import learning_records.cpd.models as m", ["learning_records.cpd.models"]),
        (
            "learning_records.cpd.views.files",
            "from .records import owned_record",
            ["learning_records.cpd.views.records.owned_record"],
        ),
        (
            "learning_records.cpd.views.files",
            "from ..models import CPDRecord",
            ["learning_records.cpd.models.CPDRecord"],
        ),
    ],
)
def test_imports_are_read_with_relative_ones_resolved(importer, source, expected):
    assert [name for _, name in imported_modules(source, importer, is_package=False)] == expected


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("learning_records.programme.views.aspirant", "learning_records.certificates.services.issue", True),
        ("learning_records.programme.certificate", "learning_records.certificates.kinds.register_kind", True),
        (
            "learning_records.cpd.views.records",
            "learning_records.programme.selectors.dashboard_programme",
            True,
        ),
        ("learning_records.cpd.views.records", "learning_records.programme.views.aspirant", False),
        ("learning_records.cpd.views.records", "learning_records.programme.forms", False),
        ("learning_records.certificates.demo", "learning_records.cpd.demo.EMAIL", False),
        ("learning_records.cpd.services", "learning_records.models.CPDRecord", False),
        ("learning_records.cpd.services", "learning_records.common.pdf.render_pdf", True),
        ("learning_records.wagtail_hooks", "learning_records.programme.admin.viewsets", True),
    ],
)
def test_the_domain_rule_tells_allowed_from_forbidden(importer, imported, allowed):
    assert (cross_domain_problem(importer, imported) is None) is allowed
