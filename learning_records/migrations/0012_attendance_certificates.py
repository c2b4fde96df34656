"""Attendance certificates: certificates issued in bulk whose PDF the task worker renders (blank
until then), the permission to issue certificates to others (given to Programme staff, data
self-contained as 0011), and provider-confirmed CPD records drafted from a booking."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import learning_records.common.storage

GROUP = "Programme staff"
CODENAMES = ["issue_certificate"]


def issue_permission(apps):
    app_config = apps.get_app_config("learning_records")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="learning_records", codename__in=CODENAMES)


def add(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(*issue_permission(apps))


def remove(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*issue_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_cohort_session_dates"),
        ("learning_records", "0011_programme_staff_take_registers"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="certificate",
            options={
                "ordering": ["-issued_at", "-pk"],
                "permissions": [
                    ("revoke_certificate", "Can revoke certificates"),
                    ("reissue_certificate", "Can re-issue certificates"),
                    ("issue_certificate", "Can issue certificates to others (e.g. attendance)"),
                ],
            },
        ),
        migrations.AddField(
            model_name="cpdrecord",
            name="booking",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="learning_records.booking",
            ),
        ),
        migrations.AddField(
            model_name="cpdrecord",
            name="provider_confirmed",
            field=models.BooleanField(
                default=False,
                editable=False,
                help_text="The provider confirmed the dates, hours and provider from its register.",
            ),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True,
                max_length=255,
                storage=learning_records.common.storage.private_storage,
                upload_to="",
            ),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="sha256",
            field=models.CharField(blank=True, max_length=64, verbose_name="SHA-256"),
        ),
        migrations.AddConstraint(
            model_name="cpdrecord",
            constraint=models.UniqueConstraint(
                condition=models.Q(("booking__isnull", False)),
                fields=("member", "booking"),
                name="cpd_record_one_per_member_per_booking",
            ),
        ),
        migrations.RunPython(add, remove),
    ]
