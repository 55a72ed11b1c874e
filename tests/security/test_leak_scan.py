"""A leak scan: four hidden experiments, each carrying a unique marker word in its title,
summary, findings, tags, attachment and picture, must never show on any public surface (pages, lists,
exports, feeds, search, autocomplete, API, tags, overviews, collections) to a visitor who may
not read them: an anonymous visitor, a member of another school, a user outside the group.

A members-only experiment is for every logged-in member, so its marker is looked for in what
anonymous visitors get only.
"""

import io
import zipfile
from urllib.parse import quote, unquote

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from knowledge.models import CollectionIndexPage, CollectionItem, CollectionPage
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db

MARKERS = {
    "draft": "zorblakladde",
    "members": "zorblamedlem",
    "group": "zorblagruppe",
    "password": "zorblakodeord",
}
#: Whose eyes each marker must never reach.
HIDDEN_FROM = {
    "anonymous": ["draft", "members", "group", "password"],
    "teacher_b": ["draft", "group", "password"],  # another school's teacher, outside the group
    "leader_b": ["draft", "group", "password"],
}


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


PNG = png()


def marked_experiment(network, kind, word, **kwargs):
    document = get_document_model()(title=f"Bilag {word}")
    document.file.save(f"{word}.pdf", ContentFile(b"%PDF-1.4 " + word.encode()), save=False)
    document.save()
    image = get_image_model()(title=f"Billede {word}", description=f"Billede {word}")
    image.file = ImageFile(io.BytesIO(PNG), name=f"{word}.png")
    image.save()
    return make_experiment(
        network.school_a,
        f"Forsøg {word}",
        picture=image,
        summary=f"Resumé med {word}.",
        findings=(f"Fundet {word} blev set.",),
        tags=[word],
        what_we_did=[{"type": "document", "value": {"document": document.pk, "description": word}}],
        **kwargs,
    )


@pytest.fixture
def marked(network):
    public = make_experiment(network.school_a, "Åbent forsøg om læsning", tags=["læsning"])
    pages = {
        "draft": marked_experiment(network, "draft", MARKERS["draft"], live=False),
        "members": marked_experiment(network, "members", MARKERS["members"], members_only=True),
        "group": marked_experiment(network, "group", MARKERS["group"]),
        "password": marked_experiment(network, "password", MARKERS["password"]),
    }
    group = PageViewRestriction.objects.create(
        page=pages["group"], restriction_type=PageViewRestriction.GROUPS
    )
    group.groups.set([network.school_a.leaders_group])
    PageViewRestriction.objects.create(
        page=pages["password"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    folder = CollectionIndexPage.objects.child_of(network.municipality_a).get()
    collection = CollectionPage(title="Samling med alt")
    folder.add_child(instance=collection)
    for position, page in enumerate([public, *pages.values()]):
        CollectionItem.objects.create(page=collection, experiment=page, sort_order=position)
    collection.save_revision().publish()
    return network, public, pages, collection


def surfaces(network, public, pages, collection):
    """Every address a visitor can reach that lists or shows experiments."""
    school, municipality = network.school_a, network.municipality_a
    urls = [
        "/",
        "/forsoeg/",
        "/fund/",
        "/forsoeg/eksport.csv",
        "/forsoeg/eksport.xlsx",
        "/fund/eksport.csv",
        "/fund/eksport.xlsx",
        "/feeds/forsoeg.rss",
        "/feeds/forsoeg.atom",
        f"/feeds/skole/{school.pk}/forsoeg.rss",
        f"/feeds/skole/{school.pk}/forsoeg.atom",
        f"/feeds/samling/{collection.pk}/forsoeg.rss",
        "/emner/",
        f"/skole-oversigt/{school.pk}/",
        f"/kommune-oversigt/{municipality.pk}/",
        school.url,
        municipality.url,
        collection.url,
        public.url,
        "/api/v2/experiments/",
        "/api/v2/experiments/?search=ZORBLA",
        "/soeg/?q=ZORBLA",
    ]
    for word in MARKERS.values():
        # Typed in capitals: the page repeats what was typed, a leak would be in small letters.
        typed = word.upper()
        urls += [
            f"/soeg/?q={typed}",
            f"/soeg/?q={typed[:-1]}",  # a typo: near misses and "did you mean"
            f"/soeg/forslag/?q={typed[:6]}",
            f"/soeg/forslag/?q={typed}",
            f"/api/v2/experiments/?search={typed}",
            f"/emner/{word}/",
            f"/feeds/emne/{word}/forsoeg.rss",
        ]
    for page in pages.values():
        urls += [page.url, f"/api/v2/experiments/{page.pk}/"]
    return urls


def files_of(page):
    """The page's picture (original and a rendition) and attachment, by address."""
    document = page.what_we_did[0].value["document"]
    return [page.picture.file.url, page.picture.get_rendition("width-20").url, document.url]


def text_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):  # an XLSX workbook: its cells are in zipped XML
        with zipfile.ZipFile(io.BytesIO(content)) as workbook:
            return " ".join(workbook.read(name).decode() for name in workbook.namelist())
    return content.decode("utf-8", errors="replace")


@pytest.mark.parametrize("viewer", sorted(HIDDEN_FROM))
def test_no_marker_reaches_a_visitor_who_may_not_read_it(marked, viewer):
    network, public, pages, collection = marked
    client = Client()
    if viewer != "anonymous":
        client.force_login(getattr(network, viewer))
    leaks = []
    for url in surfaces(network, public, pages, collection):
        response = client.get(url)
        assert response.status_code < 500, url
        # A page may repeat its own address (a password form's return address): not a leak.
        text = text_of(response).replace(url, "").replace(unquote(url), "")
        text = text.replace(quote(unquote(url)), "")
        leaks += [(url, kind) for kind in HIDDEN_FROM[viewer] if MARKERS[kind] in text]
    for kind in HIDDEN_FROM[viewer]:
        for url in files_of(pages[kind]):
            response = client.get(url)
            if response.status_code == 200:
                leaks.append((url, kind))
    assert leaks == []
    # The scan reads the surfaces for real: the public experiment is on them.
    assert "Åbent forsøg om læsning" in text_of(client.get("/forsoeg/"))


def test_the_members_only_marker_is_found_by_a_member(marked):
    network, public, pages, collection = marked
    client = Client()
    client.force_login(network.teacher_b)
    assert MARKERS["members"] in text_of(client.get("/forsoeg/")).lower()
