"""deploy/ is complete: the nginx template renders, the scripts parse, the units name real files."""

import re
import subprocess
from pathlib import Path

import pytest

from deploy import buckets, nginx_conf

ROOT = Path(__file__).resolve().parents[2]
SITE = {
    "PRAXIS_SERVER_NAME": "praxis.example",
    "PRAXIS_TLS_CERT": "/etc/c.pem",
    "PRAXIS_TLS_KEY": "/etc/k.pem",
}


def test_the_nginx_template_fills_in_praxis_variables_and_keeps_nginx_ones():
    rendered = nginx_conf.render(SITE)

    assert "${PRAXIS_" not in rendered
    assert "server_name praxis.example;" in rendered
    assert "server 127.0.0.1:8001; server 127.0.0.1:8002;" in rendered
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in rendered
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in rendered


def test_the_nginx_template_refuses_to_render_without_a_value():
    with pytest.raises(KeyError, match="PRAXIS_SERVER_NAME, PRAXIS_TLS_CERT"):
        nginx_conf.render({"PRAXIS_TLS_KEY": "/etc/k.pem"})


@pytest.mark.parametrize("script", ["backup.sh", "restore.sh"])
def test_the_shell_scripts_parse(script):
    subprocess.run(["bash", "-n", str(ROOT / "deploy" / script)], check=True)  # noqa: S603, S607


def test_the_systemd_units_run_files_that_exist():
    units = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
    assert [unit.name for unit in units] == [
        "praxis-backup.service",
        "praxis-booking-jobs.service",
        "praxis-web@.service",
        "praxis-worker.service",
    ]
    for unit in units:
        text = unit.read_text()
        assert (
            "Environment=DJANGO_SETTINGS_MODULE=config.settings.production" in text or "backup" in unit.name
        )
        for path in re.findall(r"\bdeploy/[\w./-]+", text):
            assert (ROOT / path).exists(), f"{unit.name} names {path}"


def test_each_timer_starts_a_unit_that_runs_a_real_command():
    from django.core.management import get_commands

    timers = sorted((ROOT / "deploy" / "systemd").glob("*.timer"))
    assert [timer.name for timer in timers] == ["praxis-backup.timer", "praxis-booking-jobs.timer"]
    for timer in timers:
        service = timer.with_suffix(".service").read_text()
        for command in re.findall(r"manage\.py (\w+)", service):
            assert command in get_commands(), f"{timer.name} runs an unknown command {command}"
    assert "OnCalendar=*:0/15" in (ROOT / "deploy" / "systemd" / "praxis-booking-jobs.timer").read_text()


@pytest.mark.parametrize("key", ["../etc/passwd", "a/../../b", "folder/"])
def test_a_bucket_key_cannot_write_outside_the_backup_folder(tmp_path, key):
    with pytest.raises(ValueError, match="leaves the folder"):
        buckets.safe_path(tmp_path, key)
