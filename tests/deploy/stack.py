"""Start Praxis as an operator runs it, on this machine: Redis, an S3 server (moto), two gunicorn
processes on one fresh PostgreSQL database, nginx with TLS in front, and the task worker.

Every service listens on a free loopback port, logs into the test's folder and stops with it.
"""

import datetime
import getpass
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import boto3
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from deploy import nginx_conf

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BINARIES = ("redis-server", "nginx", "pg_dump", "pg_restore")
MEDIA_BUCKET, PRIVATE_BUCKET = "praxis-media", "praxis-private"
# Production settings, except that collectstatic only hashes names: whitenoise's compression of
# 18 MB of admin assets takes most of a minute, and nginx serves static files here anyway.
SETTINGS = "tests.deploy.settings"


def binary(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/lib/postgresql/15/bin")


def missing_binaries() -> list[str]:
    missing = [name for name in BINARIES if not binary(name)]
    return missing + ([] if (BIN / "moto_server").exists() else ["moto_server"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "tls.crt", folder / "tls.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def wait_for(url: str, *, timeout: float, process: subprocess.Popen, log: Path, **urlopen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{url}: the process exited ({process.returncode}):\n{log.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2, **urlopen) as response:  # noqa: S310
                if response.status < 500:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


NGINX_MAIN = """
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
{user}
events {{ worker_connections 128; }}
http {{
    include /etc/nginx/mime.types;
    access_log {tmp}/nginx-access.log;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    # Test only: which gunicorn answered, so a test can show both did.
    add_header X-Test-Upstream $upstream_addr always;
    include {tmp}/praxis-site.conf;
}}
"""


@dataclass
class Stack:
    tmp: Path
    database_url: str
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    cert: Path | None = None

    @property
    def host(self) -> str:
        """What the browser's address bar says: nginx's TLS port."""
        return f"127.0.0.1:{self.ports['https']}"

    def log(self, name: str) -> Path:
        return self.tmp / f"{name}.log"

    def spawn(self, name: str, args: list[str], **kwargs) -> subprocess.Popen:
        handle = self.log(name).open("ab")
        process = subprocess.Popen(  # noqa: S603
            args, cwd=ROOT, env=kwargs.pop("env", self.env), stdout=handle, stderr=subprocess.STDOUT, **kwargs
        )
        handle.close()
        self.processes[name] = process
        return process

    def manage(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def s3(self):
        return boto3.client(
            "s3",
            endpoint_url=self.env["S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    def start(self, signing_key: str) -> None:
        for name in ("redis", "moto", "web1", "web2", "https", "http"):
            self.ports[name] = free_port()
        self.cert, key = self_signed_certificate(self.tmp)
        self.env = {
            **{
                k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "S3_", "PRAXIS_", "DJANGO_"))
            },
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "SECRET_KEY": "deploy-test-secret-key-not-for-any-real-site-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"https://{self.host}",
            "DATABASE_URL": self.database_url,
            "PRAXIS_SIGNING_KEY": signing_key,
            "PRAXIS_TRUSTED_PROXY_COUNT": "1",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": PRIVATE_BUCKET,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['moto']}",
            "S3_REGION_NAME": "us-east-1",
            "STATIC_ROOT": str(self.tmp / "static"),
            "SECURE_HSTS_SECONDS": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "WEB_CONCURRENCY": "1",
            "PYTHONPATH": str(ROOT),
        }
        redis = self.spawn(
            "redis",
            [
                binary("redis-server"),
                "--port",
                str(self.ports["redis"]),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.tmp),
            ],
        )
        moto = self.spawn(
            "moto", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["moto"])]
        )
        self.manage("collectstatic", "--no-input", "-v0")
        wait_for(f"{self.env['S3_ENDPOINT_URL']}/moto-api/", timeout=30, process=moto, log=self.log("moto"))
        for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
            self.s3().create_bucket(Bucket=bucket)
        gunicorn = [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "config.wsgi:application"]
        for name in ("web1", "web2"):
            self.spawn(name, gunicorn, env={**self.env, "PRAXIS_BIND": f"127.0.0.1:{self.ports[name]}"})
        self.spawn(
            "worker", [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"]
        )
        self.start_nginx(key)
        if redis.poll() is not None:
            raise RuntimeError(self.log("redis").read_text())
        for name in ("web1", "web2"):
            url = f"http://127.0.0.1:{self.ports[name]}/healthz"
            request = urllib.request.Request(url, headers={"Host": "127.0.0.1"})  # noqa: S310
            wait_for(request, timeout=60, process=self.processes[name], log=self.log(name))

    def start_nginx(self, key: Path) -> None:
        site = nginx_conf.render(
            {
                "PRAXIS_SERVER_NAME": "127.0.0.1",
                "PRAXIS_HTTPS_LISTEN": f"127.0.0.1:{self.ports['https']}",
                "PRAXIS_HTTP_LISTEN": f"127.0.0.1:{self.ports['http']}",
                "PRAXIS_TLS_CERT": str(self.cert),
                "PRAXIS_TLS_KEY": str(key),
                "PRAXIS_UPSTREAMS": " ".join(f"server 127.0.0.1:{self.ports[n]};" for n in ("web1", "web2")),
                "PRAXIS_STATIC_ROOT": str(self.tmp / "static"),
            }
        )
        (self.tmp / "praxis-site.conf").write_text(site)
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        (self.tmp / "nginx.conf").write_text(NGINX_MAIN.format(tmp=self.tmp, user=user))
        args = [
            binary("nginx"),
            "-p",
            str(self.tmp),
            "-c",
            str(self.tmp / "nginx.conf"),
            "-e",
            str(self.log("nginx-error")),
        ]
        subprocess.run([*args, "-t"], check=True, capture_output=True)  # noqa: S603
        self.spawn("nginx", args)

    def stop(self) -> None:
        with ExitStack() as stack:
            for process in reversed(list(self.processes.values())):
                stack.callback(stop_process, process)
        self.processes.clear()


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
