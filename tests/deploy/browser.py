"""A minimal browser for the multi-process test: its own cookies, talking to nginx over TLS or
straight to one gunicorn process (as nginx would: X-Forwarded-Proto https, the same Host)."""

import http.client
import http.cookies
import json
import ssl
import urllib.parse
import uuid
from dataclasses import dataclass


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    @property
    def upstream(self) -> str:
        """Which gunicorn answered a request that went through nginx."""
        return self.headers.get("X-Test-Upstream", "")


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    def __init__(self, stack):
        self.stack = stack
        self.cookies: dict[str, str] = {}
        self.tls = ssl.create_default_context(cafile=str(stack.cert))

    def connection(self, via: str) -> http.client.HTTPConnection:
        if via == "nginx":
            return http.client.HTTPSConnection(
                "127.0.0.1", self.stack.ports["https"], context=self.tls, timeout=60
            )
        return http.client.HTTPConnection("127.0.0.1", self.stack.ports[via], timeout=60)

    def request(self, method: str, path: str, *, via: str = "nginx", fields=None, files=None) -> Response:
        origin = f"https://{self.stack.host}"
        headers = {"Host": self.stack.host, "Accept": "text/html,application/json"}
        if via != "nginx":
            headers |= {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **(fields or {})}
            headers |= {"Origin": origin, "Referer": origin + path}
            if files:
                body, headers["Content-Type"] = multipart(fields, files)
            else:
                body = urllib.parse.urlencode(fields).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = self.connection(via)
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, fields=None, **kwargs) -> Response:
        return self.request("POST", path, fields=fields, **kwargs)

    def log_in(self, email: str, password: str, *, via: str = "nginx") -> Response:
        self.get("/accounts/login/", via=via)
        response = self.post("/accounts/login/", {"login": email, "password": password}, via=via)
        assert response.status == 302, (response.status, response.text[:2000])
        return response
