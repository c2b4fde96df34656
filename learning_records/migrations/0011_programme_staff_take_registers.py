"""Programme staff may take registers: view, add and change attendance (data only; self-contained,
as 0008). The register views check `change_attendance`."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Programme staff"
CODENAMES = ["view_attendance", "add_attendance", "change_attendance"]


def attendance_permissions(apps):
    app_config = apps.get_app_config("learning_records")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="learning_records", codename__in=CODENAMES)


def add(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(*attendance_permissions(apps))


def remove(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*attendance_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("learning_records", "0010_booking_reminders")]

    operations = [migrations.RunPython(add, remove)]
