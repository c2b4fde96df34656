"""Demo images (drawn with Pillow) and PDF documents (rendered with WeasyPrint), made locally.

Nothing is downloaded. Each file is made once and found again by its title on later runs, so
the image and document libraries never fill up with copies; a file missing from the media
folder (say, after `make clean`) is drawn again.
"""

import hashlib
import io
import math
import random

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

# Two or three colours per family of pages, so listings read as a set.
PALETTES = {
    "course": ("#0b4f6c", "#01baef", "#20bf55"),
    "event": ("#5f0f40", "#e36414", "#fb8b24"),
    "research": ("#1d3557", "#457b9d", "#a8dadc"),
    "programme": ("#2d6a4f", "#95d5b2", "#ffd166"),
    "project": ("#9d0208", "#f48c06", "#ffba08"),
    "case_study": ("#3c096c", "#9d4edd", "#e0aaff"),
    "home": ("#0b3954", "#087e8b", "#bfd7ea"),
    "page": ("#264653", "#2a9d8f", "#e9c46a"),
}
PORTRAIT_COLOURS = ["#0b4f6c", "#5f0f40", "#2d6a4f", "#9d0208", "#3c096c", "#1d3557", "#264653"]


def get_or_create_image(title: str, description: str, draw, filename: str):
    """The library image called `title`, drawn by `draw()` (returns bytes) the first time."""
    Image = get_image_model()  # noqa: N806
    image = Image.objects.filter(title=title).first()
    if image is not None and image.file.storage.exists(image.file.name):
        if image.description != description:
            image.description = description
            image.save(update_fields=["description"])
        return image
    data = draw()
    image = image or Image(title=title)
    image.description = description
    image.file = ContentFile(data, name=filename)
    image.file_size = len(data)
    image.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's own duplicate check uses SHA-1)
    image.save()
    return image


def get_or_create_document(title: str, render, filename: str):
    """The library document called `title`, made by `render()` (returns bytes) the first time."""
    Document = get_document_model()  # noqa: N806
    document = Document.objects.filter(title=title).first()
    if document is not None and document.file.storage.exists(document.file.name):
        return document
    data = render()
    document = document or Document(title=title)
    document.file = ContentFile(data, name=filename)
    document.file_size = len(data)
    document.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324
    document.save()
    return document


def topic_image(title: str, family: str, description: str):
    """A landscape abstract image in the family's colours, for cards and social sharing."""
    slug = slugify(title)[:60]
    return get_or_create_image(
        title,
        description,
        lambda: abstract_jpeg(slug, PALETTES[family]),
        f"demo-{slug}.jpg",
    )


def portrait(person) -> object:
    name = " ".join(part for part in (person.first_name, person.last_name) if part)
    initials = (person.first_name[:1] + person.last_name[:1]).upper()
    colour = PORTRAIT_COLOURS[sum(map(ord, name)) % len(PORTRAIT_COLOURS)]
    return get_or_create_image(
        f"Portrait placeholder: {name}",
        f"{name}'s initials on a coloured circle",
        lambda: initials_png(initials, colour),
        f"demo-portrait-{slugify(name)}.png",
    )


def organisation_logo(organisation) -> object:
    colour = PORTRAIT_COLOURS[sum(map(ord, organisation.name)) % len(PORTRAIT_COLOURS)]
    return get_or_create_image(
        f"Logo: {organisation.name}",
        f"{organisation.name} logo",
        lambda: wordmark_png(organisation.name, colour),
        f"demo-logo-{slugify(organisation.name)[:50]}.png",
    )


def pdf_document(title: str, filename: str, context: dict):
    """A short report as a real PDF, rendered from cms/demo/report.html."""

    def render():
        from weasyprint import HTML  # Imported late: loading WeasyPrint costs a second.

        html = render_to_string("cms/demo/report.html", {"title": title, **context})
        return HTML(string=html).write_pdf()

    return get_or_create_document(title, render, filename)


# Drawing


def _font(size: int):
    # Pillow's bundled font at any size: no system fonts needed on a fresh machine.
    return ImageFont.load_default(size=size)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def abstract_jpeg(seed: str, palette: tuple[str, ...], size=(1200, 675)) -> bytes:
    """A diagonal gradient with soft circles and bands: calm, and unique to the seed."""
    rng = random.Random(seed)  # noqa: S311 (decoration, not security)
    width, height = size
    first, second, accent = (_rgb(colour) for colour in palette)
    # A 3x3 grid of the two main colours, blown up smoothly: a soft diagonal mesh gradient.
    grid = PILImage.new("RGB", (3, 3))
    for x in range(3):
        for y in range(3):
            share = min(1.0, max(0.0, (x + y) / 4 + rng.uniform(-0.15, 0.15)))
            grid.putpixel(
                (x, y), tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))
            )
    image = grid.resize(size, PILImage.Resampling.BICUBIC)

    shapes = PILImage.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    for _ in range(rng.randint(4, 7)):
        radius = rng.randint(height // 6, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = rng.choice([accent, (255, 255, 255), second])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, rng.randint(40, 90)))
    for _ in range(rng.randint(2, 3)):
        offset = rng.randint(-width // 2, width)
        band = rng.randint(40, 110)
        draw.polygon(
            [(offset, height), (offset + band, height), (offset + band + height, 0), (offset + height, 0)],
            fill=(255, 255, 255, 28),
        )
    shapes = shapes.filter(ImageFilter.GaussianBlur(6))
    image = PILImage.alpha_composite(image.convert("RGBA"), shapes).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def initials_png(initials: str, colour: str, size: int = 400) -> bytes:
    image = PILImage.new("RGB", (size, size), _rgb(colour))
    draw = ImageDraw.Draw(image)
    draw.ellipse((size * 0.12, size * 0.12, size * 0.88, size * 0.88), outline=(255, 255, 255), width=6)
    draw.text((size / 2, size / 2), initials, font=_font(size // 3), fill="white", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def wordmark_png(name: str, colour: str, height: int = 120) -> bytes:
    """A mark of three overlapping circles and the name, on a transparent background."""
    font = _font(int(height * 0.32))
    text_width = int(ImageDraw.Draw(PILImage.new("L", (1, 1))).textlength(name, font=font))
    width = int(height * 1.3) + text_width + 24
    image = PILImage.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    rgb = _rgb(colour)
    radius = height * 0.22
    for i, alpha in enumerate((255, 170, 110)):
        cx = height * 0.34 + i * radius * 0.9
        draw.ellipse((cx - radius, height / 2 - radius, cx + radius, height / 2 + radius), fill=(*rgb, alpha))
    draw.text((height * 1.2, height / 2), name, font=font, fill=(*rgb, 255), anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def signature_png(width: int = 600, height: int = 200) -> bytes:
    """A made-up signature: looped cursive strokes and an underline, in dark ink on transparent."""
    scale = 2  # Drawn large and scaled down, for smooth strokes.
    image = PILImage.new("RGBA", (width * scale, height * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    ink = (16, 32, 96, 255)
    # A capital: one tall loop.
    capital = [
        (120 + 70 * math.sin(t / 40 * 2 * math.pi) * (1 - t / 80), 200 - 150 * math.cos(t / 80 * math.pi))
        for t in range(81)
    ]
    # Joined-up small letters: a prolate cycloid makes the loops of cursive handwriting.
    letters = []
    for step in range(500):
        t = step / 499 * 9 * math.pi
        x = 220 + 28 * t - 38 * math.sin(t)
        y = 230 - 46 * math.cos(t) * (1 - step / 1400) - 14 * math.sin(t / 3)
        letters.append((x, y))
    draw.line(capital + letters, fill=ink, width=7, joint="curve")
    flourish = [(200 + step * 2.2, 320 - 18 * math.sin(step / 120 * math.pi)) for step in range(420)]
    draw.line(flourish, fill=ink, width=5, joint="curve")
    image = image.resize((width, height), PILImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def logo_png() -> bytes:
    return wordmark_png("Praxis", "#0b3954", height=160)
