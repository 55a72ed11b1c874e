"""Pictures are as private as the pages that use them (knowledge/experiments/media_files.py):
an original or a rendition of an image used only by a draft, a members-only or a
group-restricted experiment is not served to those who may not read that experiment."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


def picture(name="billede"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "PNG")
    image = get_image_model()(title=name, description=f"Et billede: {name}")
    image.file = ImageFile(buffer, name=f"{name}.png")
    image.save()
    return image


def addresses(image):
    """The original's address and a rendition's, as templates link them."""
    return [image.file.url, image.get_rendition("width-20").url]


def experiment_with(network, image, **kwargs):
    return make_experiment(network.school_a, "Forsøg med billede", picture=image, **kwargs)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_picture_of_a_public_experiment_is_served_to_everyone(network, client):
    image = picture()
    experiment_with(network, image)
    for url in addresses(image):
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response).startswith(b"\x89PNG")
        assert response["Content-Type"] == "image/png"


def test_a_picture_of_a_members_only_experiment_asks_visitors_to_log_in(network, client):
    image = picture()
    experiment_with(network, image, members_only=True)
    for url in addresses(image):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
        assert "public" not in response.get("Cache-Control", "")
    client.force_login(network.teacher_b)
    for url in addresses(image):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"]


def test_a_picture_used_only_by_another_schools_draft_is_refused(network, client):
    image = picture()
    experiment_with(network, image, live=False)
    urls = addresses(image)
    for url in urls:
        assert client.get(url).status_code == 302, url
    client.force_login(network.teacher_b)
    for url in urls:
        assert client.get(url).status_code == 403, url
    client.force_login(network.leader_a)  # school A's leader edits the draft
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_a_picture_behind_a_group_restriction_is_refused_outside_the_group(network, client):
    image = picture()
    page = experiment_with(network, image)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_a.leaders_group])
    client.force_login(network.teacher_b)
    for url in addresses(image):
        assert client.get(url).status_code == 403, url
    client.force_login(network.leader_a)
    for url in addresses(image):
        assert client.get(url).status_code == 200, url


def test_other_files_under_media_are_not_found(network, client):
    image = picture()
    experiment_with(network, image)
    for url in [
        "/media/documents/elevskema.pdf",
        "/media/original_images/findes-ikke.png",
        "/media/original_images/../../../etc/passwd",
        "/media/images/%2e%2e/%2e%2e/settings.py",
    ]:
        assert client.get(url).status_code == 404, url


def test_a_web_server_can_send_the_checked_file(network, client, settings):
    image = picture()
    experiment_with(network, image)
    settings.PRAKSISNET_MEDIA_SENDFILE = "x-accel-redirect"
    response = client.get(image.file.url)
    assert response["X-Accel-Redirect"] == f"/protected-media/{image.file.name}"
    settings.PRAKSISNET_MEDIA_SENDFILE = "x-sendfile"
    response = client.get(image.file.url)
    assert response["X-Sendfile"].endswith(image.file.name)


def chooser_pictures(client):
    """The titles the admin's image chooser offers, each with its thumbnail's status code."""
    from bs4 import BeautifulSoup

    response = client.get("/admin/images/chooser/results/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        img.get("alt", ""): client.get(img["src"]).status_code for img in soup.select("img[src]")
    }


def test_the_school_media_library_is_shared_by_its_staff_and_no_one_else(network, client):
    """A colleague's picture, not used by any page yet, is offered by the image chooser to the
    school's teachers: its thumbnail must be served to them (it showed broken), and to no
    teacher of another school."""
    from wagtail.models import Collection

    image = picture("kollegas-billede")
    image.collection = Collection.objects.get(name=network.school_a.title)
    image.uploaded_by_user = network.leader_a
    image.save()

    client.force_login(network.teacher_a)
    offered = chooser_pictures(client)
    assert len(offered) == 1 and set(offered.values()) == {200}, offered
    for url in addresses(image):
        assert client.get(url).status_code == 200, url

    client.force_login(network.teacher_b)
    assert chooser_pictures(client) == {}
    for url in addresses(image):
        assert client.get(url).status_code == 403, url
