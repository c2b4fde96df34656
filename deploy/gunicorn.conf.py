"""gunicorn settings for one Praxis app process: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

Everything a host may change comes from the environment, so the systemd unit (or a container)
only sets variables. Run one of these per port or host behind nginx (deploy/nginx/).
"""

import multiprocessing
import os

bind = os.environ.get("PRAXIS_BIND", "127.0.0.1:8001")
# Sync workers: the app does blocking I/O (database, S3, WeasyPrint); slow work goes to the
# task worker, so requests are short. Twice the cores plus one is gunicorn's own advice.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("PRAXIS_THREADS", "1"))
timeout = int(os.environ.get("PRAXIS_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never takes a process down.
max_requests = 1000
max_requests_jitter = 100
# nginx on this host (or the load balancer's addresses) may set X-Forwarded-*.
forwarded_allow_ips = os.environ.get("PRAXIS_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("PRAXIS_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Workers' heartbeat files in memory, as gunicorn's docs advise: a slow disk stalls them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
proc_name = os.environ.get("PRAXIS_PROC_NAME", "praxis")
