"""Programme staff may view and export bookings (data only; self-contained, as 0003)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Programme staff"


def booking_permission(apps):
    app_config = apps.get_app_config("learning_records")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="learning_records", codename="view_booking")


def add(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(booking_permission(apps))


def remove(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(booking_permission(apps))


class Migration(migrations.Migration):
    dependencies = [("learning_records", "0007_bookings")]

    operations = [migrations.RunPython(add, remove)]
