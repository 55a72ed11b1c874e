import csv
import io

import openpyxl
import pytest

from knowledge.models import Finding
from tests.support.pages import experiment_titles, export_links, label, statements

pytestmark = pytest.mark.django_db


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(response):
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_export_links_keep_the_current_filters(client, findings_network):
    links = export_links(client.get("/fund/?emne=l%C3%A6sning&aar=2025"))
    assert links == {
        "xlsx": "/fund/eksport.xlsx?emne=l%C3%A6sning&aar=2025",
        "csv": "/fund/eksport.csv?emne=l%C3%A6sning&aar=2025",
    }
    assert (
        export_links(client.get("/forsoeg/?fag=dansk"))["xlsx"] == "/forsoeg/eksport.xlsx?fag=dansk"
    )


def test_findings_csv_has_the_page_rows_with_danish_letters_intact(client, findings_network):
    page = client.get("/fund/?emne=l%C3%A6sning")
    rows = csv_rows(client.get(export_links(page)["csv"]))
    header, body = rows[0], rows[1:]
    assert header[0] == label("Finding") and label("School") in header
    assert [row[0] for row in body] == statements(page)
    school = header.index(label("School"))
    assert {row[school] for row in body} == {"Skjoldhøjskolen", "Ellekærskolen"}
    assert "Læsebåndet gav ro om morgenen." in [row[0] for row in body]  # æ, å survive
    assert "ø" in "".join(row[school] for row in body)


def test_findings_xlsx_matches_the_page_across_all_its_pages(client, findings_network, monkeypatch):
    from knowledge.listings import views as listing_views

    monkeypatch.setattr(listing_views, "FINDINGS_PER_PAGE", 2)
    first = client.get("/fund/")
    second = client.get("/fund/" + first.context["page"].next_url)
    on_pages = statements(first) + statements(second)
    rows = xlsx_rows(client.get(export_links(first)["xlsx"]))
    assert rows[0][:2] == [label("Finding"), label("Rests on")]
    assert [row[0] for row in rows[1:]] == on_pages
    assert len(on_pages) == 4


def test_xlsx_is_a_real_sheet_with_widths_a_bold_header_and_dates(client, findings_network):
    response = client.get("/forsoeg/eksport.xlsx?aar=2025")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == label("Experiment") and sheet["A1"].font.bold
    assert sheet["A2"].value == "Frilæsning i 4.b"
    assert sheet.column_dimensions["A"].width > 10
    start = [cell.value for cell in sheet[1]].index(label("Start date"))
    assert sheet.cell(row=2, column=start + 1).value.date().isoformat() == "2025-09-01"


def test_experiments_exports_match_the_experiments_list(client, findings_network):
    page = client.get(f"/forsoeg/?kommune={findings_network.municipality_a.pk}")
    titles = experiment_titles(page)
    assert titles == ["Læsebånd på Ellekær", "Frilæsning i 4.b"]
    assert [row[0] for row in csv_rows(client.get(export_links(page)["csv"]))[1:]] == titles
    assert [row[0] for row in xlsx_rows(client.get(export_links(page)["xlsx"]))[1:]] == titles


@pytest.mark.parametrize(
    "path",
    ["/fund/eksport.csv", "/fund/eksport.xlsx", "/forsoeg/eksport.csv", "/forsoeg/eksport.xlsx"],
)
def test_exports_respect_privacy_exactly_as_the_pages(client, findings_network, path):
    anonymous = client.get(path).content
    client.force_login(findings_network.teacher_a)
    member = client.get(path).content
    if path.endswith(".csv"):
        anonymous, member = anonymous.decode("utf-8-sig"), member.decode("utf-8-sig")
    else:
        anonymous, member = (str(xlsx_rows_from_bytes(content)) for content in (anonymous, member))
    for hidden in ("Hemmeligt fund", "Skjult forsøg"):
        if path.startswith("/fund/") or hidden == "Skjult forsøg":
            assert hidden not in anonymous
            assert hidden in member
    for draft in ("Kladdefund", "Kladde om læsebånd"):
        assert draft not in anonymous and draft not in member


def xlsx_rows_from_bytes(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_text_that_looks_like_a_formula_stays_text(client, findings_network):
    Finding.objects.filter(statement__startswith="Drengene").update(statement='=HYPERLINK("x")')
    body = client.get("/fund/eksport.csv?grundlag=interviews").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get("/fund/eksport.xlsx?grundlag=interviews").content)
    ).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == '=HYPERLINK("x")'


def test_an_unknown_export_format_is_not_found(client, findings_network):
    assert client.get("/fund/eksport.pdf").status_code == 404


@pytest.mark.parametrize("path", ["/fund/eksport.csv", "/forsoeg/eksport.xlsx"])
def test_the_link_column_uses_the_host_the_request_came_to(client, findings_network, path):
    """Not the default Site's http://localhost/: a link in a downloaded sheet must open."""
    response = client.get(path, HTTP_HOST="praksisnet.example.dk", secure=True)
    rows = csv_rows(response) if path.endswith(".csv") else xlsx_rows(response)
    column = rows[0].index(label("Link"))
    links = [row[column] for row in rows[1:]]
    assert links and all(link.startswith("https://praksisnet.example.dk/") for link in links)
    assert f"https://praksisnet.example.dk{findings_network.reading.url}" in links
