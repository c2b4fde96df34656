"""Small helpers the demo loaders share: idempotent pages and children, block values, dates."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail.models import Page

UK = ZoneInfo("Europe/London")


def upsert_page(parent: Page, model, *, slug: str, children=None, tags=None, m2m=None, **fields):
    """Create or update the `model` page with `slug` under `parent`, then publish it.

    `children` maps a child relation to rows (see sync_children), `tags` is a list of names and
    `m2m` maps a ParentalManyToManyField to objects. Publishing through a revision is what an
    editor's "Publish" does, so revisions, log entries and the search index all exist.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    is_new = page is None
    if is_new:
        page = model(slug=slug)
    for name, value in fields.items():
        setattr(page, name, value)
    for relation, rows in (children or {}).items():
        if isinstance(rows, tuple):
            rows, keys = rows
        else:
            keys = None
        sync_children(page, relation, rows, keys=keys)
    for name, objects in (m2m or {}).items():
        setattr(page, name, list(objects))
    if tags is not None:
        page.tags.set(tags)
    if is_new:
        parent.add_child(instance=page)
    page.save_revision().publish()
    # Publishing saves a copy made from the revision; read that back, with its saved children.
    return model.objects.get(pk=page.pk)


def sync_children(instance, relation: str, rows: list[dict], keys: tuple[str, ...] | None = None) -> None:
    """Make `instance.<relation>` hold exactly `rows`, reusing existing child objects.

    Children are matched on `keys` (attribute names, e.g. ("activity_type", "phase")) or, with
    no keys, by position, and updated in place. Their ids then stay the same from run to run,
    so records elsewhere that point at a cohort or a requirement row survive a reload.
    """
    manager = getattr(instance, relation)
    existing = list(manager.all())
    model = manager.model
    if keys:
        by_key = {tuple(getattr(obj, key) for key in keys): obj for obj in existing}
        matched = [by_key.get(tuple(row[key] for key in keys)) for row in rows]
    else:
        matched = [existing[i] if i < len(existing) else None for i in range(len(rows))]
    objects = []
    for order, (row, obj) in enumerate(zip(rows, matched, strict=True)):
        obj = obj or model()
        for name, value in row.items():
            setattr(obj, name, value)
        if hasattr(obj, "sort_order"):
            obj.sort_order = order
        objects.append(obj)
    setattr(instance, relation, objects)


def first_sentence(text: str) -> str:
    """The first sentence of a summary, for cards."""
    return re.split(r"(?<=[.?!])\s", text, maxsplit=1)[0]


# StreamField blocks in their stored (JSON) form, as the admin would save them.


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "", role: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def fact_box(facts: list[tuple[str, str]], title: str = "Key facts") -> dict:
    return {
        "type": "fact_box",
        "value": {"heading": title, "facts": [{"figure": figure, "label": label} for figure, label in facts]},
    }


def call_to_action(title: str, text: str, *, page: Page | None = None, url: str = "", label: str) -> dict:
    return {
        "type": "call_to_action",
        "value": {
            "heading": title,
            "text": text,
            "page": page.pk if page else None,
            "url": url,
            "button_label": label,
        },
    }


def document_list(documents, title: str = "") -> dict:
    return {"type": "document_list", "value": {"heading": title, "documents": [doc.pk for doc in documents]}}


def people_list(people, title: str = "") -> dict:
    return {"type": "people_list", "value": {"heading": title, "people": [person.pk for person in people]}}


# Dates: everything is relative to today, so the demo never goes stale.


def today() -> datetime.date:
    return timezone.localdate()


def days_from_today(days: int, weekday: int | None = None) -> datetime.date:
    """Today plus `days`, moved forward to the next `weekday` (0 = Monday) if one is given."""
    date = today() + datetime.timedelta(days=days)
    if weekday is not None:
        date += datetime.timedelta(days=(weekday - date.weekday()) % 7)
        # Nobody runs a seminar between Christmas and New Year: move into the second week of January.
        if (date.month, date.day) >= (12, 20) or (date.month, date.day) <= (1, 4):
            year = date.year + 1 if date.month == 12 else date.year
            date = datetime.date(year, 1, 8) + datetime.timedelta(
                days=(weekday - datetime.date(year, 1, 8).weekday()) % 7
            )
    return date


def uk_time(date: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A timezone-aware UK time: GMT in winter, BST in summer."""
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=UK)


def next_summer_date(after: datetime.date, month: int = 6, day: int = 16) -> datetime.date:
    """The first `day`/`month` (in British Summer Time) after a date, moved to a Tuesday."""
    date = datetime.date(after.year, month, day)
    if date <= after:
        date = datetime.date(after.year + 1, month, day)
    return date + datetime.timedelta(days=(1 - date.weekday()) % 7)


def last_summer_date(before: datetime.date, month: int = 7, day: int = 8) -> datetime.date:
    date = datetime.date(before.year, month, day)
    if date >= before:
        date = datetime.date(before.year - 1, month, day)
    # Back to the Thursday on or before, so the date stays before `before`.
    return date - datetime.timedelta(days=(date.weekday() - 3) % 7)


def season_name(date: datetime.date) -> str:
    season = {12: "Winter", 1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring"}.get(
        date.month, "Summer" if date.month <= 8 else "Autumn"
    )
    return f"{season} {date.year}"
