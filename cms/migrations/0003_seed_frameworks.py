import datetime
import runpy
from pathlib import Path

from django.db import migrations

# The wording lives beside this migration so a later correction is a new, reviewable data file.
SEED_FILE = Path(__file__).with_name("_framework_seed.py")


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def seed_frameworks(apps, schema_editor):
    Framework = apps.get_model("cms.Framework")
    Statement = apps.get_model("cms.Statement")
    for data in runpy.run_path(str(SEED_FILE))["FRAMEWORKS"]:
        framework, _ = Framework.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "short_name": data["short_name"],
                "publisher": data["publisher"],
                "version": data["version"],
                "valid_from": _date(data["valid_from"]),
                "valid_to": _date(data["valid_to"]),
                "source_url": data["source_url"],
                "description": data["description"],
            },
        )
        for order, statement in enumerate(data["statements"]):
            Statement.objects.update_or_create(
                framework=framework,
                code=statement["code"],
                defaults={
                    "sort_order": order,
                    "title": statement["title"],
                    "text": statement["text"],
                    "level": statement["level"],
                },
            )


def remove_frameworks(apps, schema_editor):
    slugs = [data["slug"] for data in runpy.run_path(str(SEED_FILE))["FRAMEWORKS"]]
    apps.get_model("cms.Framework").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_moderation_workflow")]

    operations = [migrations.RunPython(seed_frameworks, remove_frameworks)]
