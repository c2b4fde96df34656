"""Render deploy/nginx/praxis.conf.template from PRAXIS_* environment variables to stdout.

    PRAXIS_SERVER_NAME=praxis.example PRAXIS_UPSTREAMS="server 10.0.0.11:8000; server 10.0.0.12:8000;" \
        PRAXIS_TLS_CERT=... PRAXIS_TLS_KEY=... python deploy/nginx_conf.py > /etc/nginx/sites-available/praxis

Only ${PRAXIS_...} placeholders are replaced (nginx's own $host and friends stay), and a
placeholder without a value is an error rather than an empty directive.
"""

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "praxis.conf.template"
PLACEHOLDER = re.compile(r"\$\{(PRAXIS_[A-Z0-9_]+)\}")
DEFAULTS = {
    "PRAXIS_HTTP_LISTEN": "80",
    "PRAXIS_HTTPS_LISTEN": "443",
    "PRAXIS_UPSTREAMS": "server 127.0.0.1:8001; server 127.0.0.1:8002;",
    "PRAXIS_STATIC_ROOT": "/srv/praxis/staticfiles",
}


def render(values: Mapping[str, str], template: str | None = None) -> str:
    text = TEMPLATE.read_text() if template is None else template
    merged = {**DEFAULTS, **values}
    missing = sorted({name for name in PLACEHOLDER.findall(text) if not merged.get(name)})
    if missing:
        raise KeyError(f"Set {', '.join(missing)} to render the nginx configuration.")
    return PLACEHOLDER.sub(lambda match: merged[match.group(1)], text)


if __name__ == "__main__":
    try:
        sys.stdout.write(render({k: v for k, v in os.environ.items() if k.startswith("PRAXIS_")}))
    except KeyError as error:
        sys.exit(error.args[0])
