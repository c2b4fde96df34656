"""CSV downloads that spreadsheets open safely: UTF-8 they recognise, and no cell run as a formula."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Text for a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_download(filename: str, heading: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV attachment: a byte-order mark (so spreadsheets read names as UTF-8), the heading, then
    each row with every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(heading)
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return response
