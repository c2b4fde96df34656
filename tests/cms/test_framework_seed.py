"""The frameworks seeded by cms/migrations/0003_seed_frameworks.py."""

import pytest

from cms.models import Framework

pytestmark = pytest.mark.django_db


def codes(slug):
    return list(
        Framework.objects.get(slug=slug).statements.order_by("sort_order").values_list("code", flat=True)
    )


def test_four_frameworks_are_seeded():
    assert set(Framework.objects.values_list("slug", flat=True)) >= {
        "swe-professional-standards",
        "basw-pcf",
        "dfe-kss-practice-supervisors",
        "dfe-kss-practice-leaders",
    }
    assert Framework.objects.count() == 4


def test_social_work_england_cpd_standards_4_1_to_4_8_in_order():
    swe = codes("swe-professional-standards")
    start = swe.index("4.1")
    assert swe[start : start + 8] == [f"4.{n}" for n in range(1, 9)]
    assert swe[: swe.index("1.1")] == ["1"]
    assert [code for code in swe if "." not in code] == ["1", "2", "3", "4", "5", "6"]


def test_pcf_has_nine_domains():
    assert codes("basw-pcf") == [str(n) for n in range(1, 10)]


def test_every_statement_has_a_title():
    for framework in Framework.objects.prefetch_related("statements"):
        assert all(statement.title for statement in framework.statements.all()), framework.slug


def test_standard_five_reads_the_right_way_round_on_its_own():
    """Standard 5 is introduced by "I will not": a sub-standard shown alone must say so."""
    swe = Framework.objects.get(slug="swe-professional-standards")
    falsify = swe.statements.get(code="5.3")
    assert falsify.display_title == "I will not falsify records or condone this by others"
    assert all(s.lead_in == "I will not" for s in swe.statements.filter(code__startswith="5."))
    assert swe.statements.get(code="4.1").display_title == swe.statements.get(code="4.1").title
