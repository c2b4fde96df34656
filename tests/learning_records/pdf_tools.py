"""Reading PDFs back in tests: text with pypdf, QR codes with zbarimg, structure with qpdf.

zbarimg (Debian zbar-tools), pdftoppm (poppler-utils) and qpdf are installed by .ci/run; on a
machine without them these checks skip locally and fail in CI.
"""

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt-get install zbar-tools poppler-utils qpdf)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def pdf_text(pdf: bytes) -> str:
    """All the text of a PDF, with runs of whitespace folded to single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_metadata(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).metadata


def decode_qr_codes(pdf: bytes, *, page: int = 1) -> list[str]:
    """Rasterise one page at 200 dpi, as a phone camera would see a print, and decode its QR codes."""
    pdftoppm, zbarimg = require_tool("pdftoppm"), require_tool("zbarimg")
    with tempfile.TemporaryDirectory() as folder:
        source, image = Path(folder, "in.pdf"), Path(folder, "page")
        source.write_bytes(pdf)
        subprocess.run(  # noqa: S603
            [pdftoppm, "-r", "200", "-png", "-singlefile", "-f", str(page), "-l", str(page), source, image],
            check=True,
        )
        result = subprocess.run(  # noqa: S603
            [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{image}.png"],
            capture_output=True,
            text=True,
            check=False,
        )
    return [line for line in result.stdout.splitlines() if line.strip()]


def qpdf_check(pdf: bytes) -> subprocess.CompletedProcess:
    qpdf = require_tool("qpdf")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run([qpdf, "--check", file.name], capture_output=True, text=True, check=False)  # noqa: S603
