"""How a certificate prints a table's rows as lines (learning_records/templatetags/certificate_tags.py)."""

import pytest

from django.template import Context, Template

from learning_records.templatetags.certificate_tags import as_line, entry_details

COLUMNS = [{"label": "Activity"}, {"label": "Days confirmed"}, {"label": "Required"}]


@pytest.mark.parametrize(
    ("cells", "line"),
    [
        (["Residential", "2", "2"], "Residential · Days confirmed: 2 · Required: 2"),
        (
            ["Ofsted inspection exercise", "0", "Optional"],
            "Ofsted inspection exercise · Days confirmed: 0 · Required: Optional",
        ),
        (["Seminar", "", "8"], "Seminar · Required: 8"),
        (["", "14", "14"], "Days confirmed: 14 · Required: 14"),
        (["Residential", "", ""], "Residential"),
        ([], ""),
    ],
)
def test_a_row_is_its_first_cell_then_the_others_labelled_leaving_out_blanks(cells, line):
    assert as_line(cells, COLUMNS) == line


def test_an_entrys_details_are_the_cells_after_its_lead_and_title():
    columns = [{"label": "Date"}, {"label": "Title"}, {"label": "Hours"}, {"label": "Peer reflection"}]
    assert (
        entry_details(["1 May 2026", "Genograms", "1.5", "Yes"], columns)
        == "Hours: 1.5 · Peer reflection: Yes"
    )


def test_a_line_is_escaped_where_it_is_printed():
    """The filter returns plain text, so member text in a cell is escaped, never markup."""
    template = Template("{% load certificate_tags %}{{ row|as_line:columns }}")
    html = template.render(Context({"row": ["<b>Bold</b> & co", "2"], "columns": COLUMNS[:2]}))
    assert html == "&lt;b&gt;Bold&lt;/b&gt; &amp; co · Days confirmed: 2"
