"""Bad uploads in the admin: each gets a clear message on the form (never a server error), in the
editor's language, and nothing is half saved: no image or document row, no file left behind."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from knowledge.models import PraksisImage


def png_bytes(width=40, height=30):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_header_claiming(width, height):
    """A small, well-formed PNG whose header claims width × height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    row = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", row) + _chunk(b"IEND", b"")
    )


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.fixture
def editor(client, network):
    """A leader of school A, working in Danish, logged in to the admin."""
    profile = UserProfile.get_for_user(network.leader_a)
    profile.preferred_language = "da"
    profile.save()
    client.force_login(network.leader_a)
    return client


@pytest.fixture
def collection(network):
    from wagtail.models import Collection

    return Collection.objects.get(name=network.school_a.title)


def upload_image(
    client, collection, content, name="billede.png", description="En elev læser højt."
):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Makkerlæsning",
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
            "description": description,
            "collection": collection.pk,
            "tags": "",
        },
    )


def assert_refused(response, field, message):
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in error for error in errors[field]), errors[field]
    assert message in response.content.decode()
    assert not PraksisImage.objects.exists()


def test_a_good_image_is_saved(editor, collection):
    response = upload_image(editor, collection, png_bytes())
    assert response.status_code == 302
    image = PraksisImage.objects.get()
    assert image.description == "En elev læser højt."
    assert (image.width, image.height) == (40, 30)


def test_a_text_file_uploaded_as_an_image(editor, collection):
    before = stored_files()
    response = upload_image(editor, collection, b"Dette er ikke et billede.\n", name="noter.png")
    assert_refused(response, "file", "Den medsendte fil var enten ikke et billede")
    assert stored_files() == before


def test_an_image_with_an_extension_the_site_does_not_take(editor, collection):
    before = stored_files()
    response = upload_image(editor, collection, png_bytes(), name="billede.tiff")
    assert_refused(response, "file", "Filen er ikke i et billedformat, vi kan bruge.")
    assert stored_files() == before


@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        # Above the site's pixel limit but below Pillow's own bomb guard: the count is known.
        (
            8_000,
            8_000,
            "Billedet har for mange pixels (64000000). Det må højst have 40000000 pixels.",
        ),
        # Far above: Pillow refuses to open it at all, so the count is unknown.
        (40_000, 40_000, "Billedet har for mange pixels (et ukendt antal)."),
    ],
)
def test_a_decompression_bomb(editor, collection, width, height, message):
    content = png_header_claiming(width, height)
    assert len(content) < 200
    before = stored_files()
    response = upload_image(editor, collection, content)
    assert_refused(response, "file", message)
    assert stored_files() == before


def test_an_oversized_upload(editor, collection, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    content = png_bytes(400, 400)
    assert len(content) > 1024
    before = stored_files()
    response = upload_image(editor, collection, content)
    assert_refused(response, "file", "Filen er for stor (")
    assert (
        "Den må højst fylde 1,0\xa0KB." in response.content.decode()
        or "Den må højst fylde 1,0 KB." in response.content.decode()
    )
    assert stored_files() == before


def test_a_missing_alt_text(editor, collection):
    before = stored_files()
    response = upload_image(editor, collection, png_bytes(), description="")
    assert_refused(response, "description", "Dette felt er påkrævet.")
    assert stored_files() == before


def test_the_messages_follow_an_english_editors_language(client, network, collection):
    profile = UserProfile.get_for_user(network.leader_a)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(network.leader_a)
    response = upload_image(client, collection, png_header_claiming(8_000, 8_000))
    assert_refused(response, "file", "This file has too many pixels (64000000).")


def upload_document(client, collection, name, content=b"Referat af teammoedet.\n"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Referat",
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
            "tags": "",
        },
    )


def test_a_document_with_a_forbidden_extension(editor, collection):
    Document = get_document_model()
    before = stored_files()
    response = upload_document(editor, collection, "makro.exe")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["file"] == [
        "Filendelse “exe” er ikke tilladt. Tilladte filendelser er: "
        "csv, docx, odt, ods, odp, pdf, pptx, rtf, txt, xlsx."
    ]
    assert not Document.objects.exists()
    assert stored_files() == before


def test_an_allowed_document_is_saved(editor, collection):
    response = upload_document(editor, collection, "referat.txt")
    assert response.status_code == 302
    assert get_document_model().objects.get().file.name.endswith(".txt")


def test_a_truncated_image_gets_a_message_not_a_server_error(editor, collection):
    """Its header is fine and small; its data stops short, which only decoding finds out."""
    before = stored_files()
    response = upload_image(editor, collection, png_header_claiming(300, 200))
    assert_refused(response, "file", "Den medsendte fil var enten ikke et billede")
    assert stored_files() == before


def test_the_multiple_upload_refuses_a_bomb_too(editor, collection):
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile(
                "bombe.png", png_header_claiming(8_000, 8_000), content_type="image/png"
            ),
            "collection": collection.pk,
        },
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "Billedet har for mange pixels (64000000)." in payload["error_message"]
    assert not PraksisImage.objects.exists()
