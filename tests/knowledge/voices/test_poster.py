"""The page to print for a question: its answer link and a QR code that scans to that link."""

import re

import numpy as np
import pytest
import zxingcpp
from django.urls import reverse

from tests.support.network import PASSWORD

from .support import make_question

pytestmark = pytest.mark.django_db


def modules_of(svg):
    """The QR code's dark modules as a boolean grid, read back from segno's SVG path:
    each row is drawn as horizontal runs ("h<n>") with moves ("M"/"m") between them."""
    size = int(re.search(r'width="(\d+)"', svg).group(1))
    scale = int(re.search(r"scale\((\d+)\)", svg).group(1))
    path = re.search(r' d="([^"]+)"', svg).group(1)
    grid = np.zeros((size // scale, size // scale), dtype=bool)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(v) for v in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            run = int(values[0])
            grid[int(y), int(x) : int(x) + run] = True
            x += run
    return grid


def decoded(svg):
    """What a phone's scanner reads from the SVG (zxing-cpp on the rendered modules)."""
    pixels = np.where(np.kron(modules_of(svg), np.ones((8, 8))), 0, 255).astype(np.uint8)
    return [result.text for result in zxingcpp.read_barcodes(pixels)]


def test_the_printable_page_shows_the_link_and_a_qr_code_that_scans_to_it(client, network):
    question = make_question(network.school_a, introduction="Skriv med dine egne ord.")
    assert client.login(username=network.leader_a.username, password=PASSWORD)
    response = client.get(reverse("voices_admin:poster", args=[question.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    link = f"http://testserver/stemmer/{question.key}/"
    assert f'<a href="{link}">{link}</a>' in page
    assert question.question in page and "Skriv med dine egne ord." in page
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert decoded(svg) == [link]


def test_the_printable_page_is_linked_from_the_answers(client, network):
    question = make_question(network.school_a)
    assert client.login(username=network.leader_a.username, password=PASSWORD)
    answers = client.get(reverse("voices_admin:answers", args=[question.pk])).content.decode()
    assert reverse("voices_admin:poster", args=[question.pk]) in answers


def test_another_schools_leader_cannot_open_the_printable_page(client, network):
    question = make_question(network.school_a)
    assert client.login(username=network.leader_b.username, password=PASSWORD)
    assert client.get(reverse("voices_admin:poster", args=[question.pk])).status_code == 404
