"""Programme staff may view, revoke and re-issue certificates in the Wagtail admin.

Self-contained: it creates what it needs by name (the group, the content type, the
permissions), because Django only creates permissions after all migrations have run, and
other areas create the same "Programme staff" group.
"""

from django.db import migrations

GROUP = "Programme staff"
PERMISSIONS = [
    ("view_certificate", "Can view certificate"),
    ("revoke_certificate", "Can revoke certificates"),
    ("reissue_certificate", "Can re-issue certificates"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    certificate, _ = ContentType.objects.get_or_create(app_label="learning_records", model="certificate")
    admin, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permissions = [
        Permission.objects.get_or_create(content_type=certificate, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS
    ]
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions, access_admin)


def withdraw(apps, schema_editor):
    # The group and its admin access belong to every area that uses them; leave them.
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        codenames = [codename for codename, _ in PERMISSIONS]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="learning_records", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learning_records", "0003_programme_staff_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
