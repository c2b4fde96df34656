"""Checks an uploaded evidence file by its content, not its name.

Allowed: PDF, Word (.docx), PNG and JPEG. Legacy Word (.doc) is refused: it is an OLE container
that can carry macros we cannot inspect, and every current Word saves .docx. Macro-enabled Word
(.docm, or a .docx holding word/vbaProject.bin) is refused for the same reason.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from PIL import Image

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = Kind("a PDF", "application/pdf", (".pdf",))
DOCX = Kind(
    "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
PNG = Kind("a PNG image", "image/png", (".png",))
JPEG = Kind("a JPEG image", "image/jpeg", (".jpg", ".jpeg"))
ALLOWED = (PDF, DOCX, PNG, JPEG)
ALLOWED_EXTENSIONS = tuple(ext for kind in ALLOWED for ext in kind.extensions)
ACCEPT_ATTRIBUTE = ",".join(ALLOWED_EXTENSIONS)
WHAT_IS_ALLOWED = "a PDF, a Word document (.docx) or an image (PNG or JPEG)"

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _sniff(upload) -> Kind | None:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(OLE_HEADER):
        raise ValidationError(
            "This is an older Word (.doc) or Office file, which we do not accept because it can hide "
            "macros. Save it as .docx or PDF and upload that."
        )
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _sniff_zip(upload) -> Kind | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        return None
    if "word/vbaProject.bin" in names:
        raise ValidationError(
            "This Word document contains macros, which we do not accept. Save it as a plain .docx or PDF."
        )
    return DOCX


def _check_image(upload, kind: Kind) -> None:
    # verify() spots a broken file without decoding it; load() then decodes the pixels, which
    # catches truncated files and (through Pillow's limit) decompression bombs.
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            f"This file looks like {kind.label} but cannot be opened. It may be damaged: try saving it again."
        ) from error
    finally:
        upload.seek(0)


def check_evidence_upload(upload) -> Kind:
    """The file's kind, or a ValidationError saying plainly what is wrong with it."""
    limit = settings.CPD_EVIDENCE_MAX_BYTES
    if not upload.size:
        raise ValidationError("The file is empty. Choose the file again.")
    if upload.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(upload.size)}; the limit is {filesizeformat(limit)}. "
            "Try a smaller scan or export, or split it into parts."
        )
    kind = _sniff(upload)
    if kind is None:
        raise ValidationError(
            f"This file is not {WHAT_IS_ALLOWED}. We check what is inside a file, not just its name."
        )
    extension = PurePosixPath(upload.name or "").suffix.lower()
    if extension not in kind.extensions:
        shown = extension or "no extension"
        raise ValidationError(
            f"This file contains {kind.label}, but its name ends in {shown}. "
            f"Rename it to end in {kind.extensions[0]}, or choose the right file."
        )
    if kind in (PNG, JPEG):
        _check_image(upload, kind)
    return kind
