"""Give the "Programme staff" group the CPD activity report (counts only) and admin access.

Self-contained data migration: get_or_create throughout, so it merges with the migration on
another branch that creates the same group.
"""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally created after migrate; make sure the two we need exist now.
    record_type, _ = ContentType.objects.get_or_create(app_label="learning_records", model="cpdrecord")
    report, _ = Permission.objects.get_or_create(
        content_type=record_type,
        codename="view_cpd_report",
        defaults={"name": "Can see the CPD activity report (counts only, no record content)"},
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name="Programme staff")
    group.permissions.add(report, access_admin)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme staff").first()
    if group:
        group.permissions.remove(*Permission.objects.filter(codename="view_cpd_report"))


class Migration(migrations.Migration):
    dependencies = [
        ("learning_records", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
