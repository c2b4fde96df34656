"""The "Programme staff" group and its permissions (data only; self-contained).

Another branch may get_or_create the same group to add a CPD report permission: this migration
only adds its own permissions to the group and only removes those on reversal, so both merge.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Programme staff"
PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("learning_records", "add_cohort"),
    ("learning_records", "change_cohort"),
    ("learning_records", "delete_cohort"),
    ("learning_records", "view_cohort"),
    ("learning_records", "add_enrolment"),
    ("learning_records", "change_enrolment"),
    ("learning_records", "view_enrolment"),
    ("learning_records", "view_programmeday"),
    ("learning_records", "view_mentorlogentry"),
}


def programme_permissions(apps):
    # Permissions are normally made after all migrations (post_migrate); make ours now.
    app_config = apps.get_app_config("learning_records")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in sorted(PERMISSIONS):
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def add_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*programme_permissions(apps))


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*programme_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("learning_records", "0002_cpd_report_permission"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_group, remove_permissions)]
