"""Simple, calm pictures for the demo network, drawn with Pillow, each with a Danish alt text.

Each picture is a soft background with a few shapes in one of a handful of palettes; the alt text
says what is drawn, so a screen reader user gets the same as everyone else.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.models import Collection

from knowledge.models import PraksisImage

WIDTH, HEIGHT = 960, 600

# (background in Danish, background, shape colours with Danish singular and plural names)
PALETTES = [
    (
        "sandfarvet",
        (245, 236, 218),
        [
            ((226, 114, 91), "koralrød", "koralrøde"),
            ((42, 111, 151), "blå", "blå"),
            ((242, 183, 5), "gul", "gule"),
        ],
    ),
    (
        "mintgrøn",
        (226, 241, 234),
        [
            ((38, 70, 83), "mørkeblå", "mørkeblå"),
            ((42, 157, 143), "grøn", "grønne"),
            ((233, 196, 106), "gul", "gule"),
        ],
    ),
    (
        "lyseblå",
        (229, 238, 247),
        [
            ((29, 53, 87), "marineblå", "marineblå"),
            ((230, 57, 70), "rød", "røde"),
            ((69, 123, 157), "blå", "blå"),
        ],
    ),
    (
        "lyserød",
        (250, 232, 230),
        [
            ((109, 89, 122), "lilla", "lilla"),
            ((181, 101, 118), "rosa", "rosa"),
            ((53, 80, 112), "mørkeblå", "mørkeblå"),
        ],
    ),
    (
        "lysegrå",
        (236, 236, 232),
        [
            ((58, 90, 64), "skovgrøn", "skovgrønne"),
            ((88, 129, 87), "grøn", "grønne"),
            ((150, 140, 120), "grå", "grå"),
        ],
    ),
]

SHAPES = {
    "circle": ("cirkler", "cirkel"),
    "square": ("firkanter", "firkant"),
    "triangle": ("trekanter", "trekant"),
    "stripe": ("bølgestriber", "bølgestribe"),
}
NUMBERS = {1: "en", 2: "to", 3: "tre", 4: "fire", 5: "fem"}

SUBJECT_TITLES = [
    "Læsekrog",
    "Skoven",
    "Tal og former",
    "Fællesskab",
    "Undersøgelse",
    "Skolegården",
    "Samtale",
    "Værksted",
    "Bevægelse",
    "Kilder",
    "Ord på væggen",
    "Morgenmøde",
]


def _draw_shape(draw, kind, colour, rng):
    x, y = rng.randint(80, WIDTH - 80), rng.randint(80, HEIGHT - 80)
    size = rng.randint(60, 170)
    if kind == "circle":
        draw.ellipse([x - size, y - size, x + size, y + size], fill=colour)
    elif kind == "square":
        draw.rounded_rectangle(
            [x - size, y - size, x + size, y + size], radius=size // 4, fill=colour
        )
    elif kind == "triangle":
        draw.polygon([(x, y - size), (x - size, y + size), (x + size, y + size)], fill=colour)
    else:
        band = rng.randint(18, 36)
        points = [
            (px, y + int(size / 3 * ((px // 120) % 2 * 2 - 1)))
            for px in range(-60, WIDTH + 121, 120)
        ]
        draw.line(points, fill=colour, width=band, joint="curve")


def draw_picture(rng):
    """Return (jpeg bytes, Danish alt text) for one picture."""
    palette_name, background, colours = rng.choice(PALETTES)
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    parts = []
    for kind in rng.sample(list(SHAPES), 2):
        colour, singular_colour, plural_colour = rng.choice(colours)
        count = rng.randint(1, 3)
        for _ in range(count):
            _draw_shape(draw, kind, colour, rng)
        plural, singular = SHAPES[kind]
        if count == 1:
            parts.append(f"én {singular_colour} {singular}")
        else:
            parts.append(f"{NUMBERS[count]} {plural_colour} {plural}")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    alt = f"Abstrakt illustration med {parts[0]} og {parts[1]} på en {palette_name} baggrund."
    return buffer.getvalue(), alt


def demo_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=DEMO_COLLECTION).first() or root.add_child(
        name=DEMO_COLLECTION
    )


DEMO_COLLECTION = "Demobilleder"


def create_pictures(count, seed):
    """Create count PraksisImages in the demo collection; returns them."""
    rng = random.Random(f"pictures-{seed}")
    collection = demo_collection()
    pictures = []
    for number in range(1, count + 1):
        data, alt = draw_picture(rng)
        title = f"{SUBJECT_TITLES[(number - 1) % len(SUBJECT_TITLES)]} {number}"
        picture = PraksisImage(title=title, description=alt, collection=collection)
        picture.file = ImageFile(io.BytesIO(data), name=f"demo-{number:02d}.jpg")
        picture.file_size = len(data)
        picture.save()
        pictures.append(picture)
    return pictures
