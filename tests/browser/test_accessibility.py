"""Every public page type passes axe-core in Chromium with no serious or critical violation.

axe-core comes from the npm registry, pinned in package.json (scripts/setup.sh runs `npm ci`).
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image
from taggit.models import Tag
from wagtail.rich_text import RichText

from knowledge.models import ExperimentLink, PraksisImage
from knowledge.tags import views as tag_views
from schools.models import SchoolPage
from tests.support.network import build_network, make_experiment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = {"serious", "critical"}


def inject_axe(page):
    if not AXE_PATH.is_file():
        pytest.fail(
            f"axe-core was not found at {AXE_PATH}. Install it from the project root with "
            "`npm ci` (scripts/setup.sh does this; the version is pinned in package.json).",
            pytrace=False,
        )
    # Evaluated through DevTools rather than added as an inline <script>, which the site's
    # Content-Security-Policy refuses.
    page.evaluate(AXE_PATH.read_text())


def axe_violations(page):
    """Run axe-core on the page as it is shown; return its violations."""
    inject_axe(page)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core"
    return result["violations"]


def serious(violations):
    return [v for v in violations if v["impact"] in FAILING_IMPACTS]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}")
    return "\n".join(lines)


def picture(title, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (960, 600), colour).save(buffer, "PNG")
    return PraksisImage.objects.create(
        title=title,
        description=f"{title}: elever arbejder sammen ved et bord",
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"),
    )


@pytest.fixture
def public_pages(monkeypatch):
    """A small network whose pages use every part of the templates: pictures, StreamField
    blocks, findings, tags, links between experiments and pagination."""
    network = build_network()
    school = network.school_a
    school.picture = picture("Skolegården", (90, 140, 110))
    school.street_address = "Gudrunsvej 2"
    school.website = "https://skjoldhoejskolen.example.dk"
    school.save_revision().publish()
    first = make_experiment(
        school,
        "Læsebånd med selvvalgte bøger",
        team=network.team_a,
        tags=["Læsning", "Motivation"],
        grades=(4, 5),
        picture=picture("Læsebånd", (200, 150, 60)),
        background=RichText("<p>Mange elever læste kun, når de skulle.</p>"),
        observations=RichText("<p>Eleverne talte mere om bøgerne.</p>"),
        next_steps=RichText("<p>Vi prøver det i indskolingen.</p>"),
        reflection=RichText("<p>Det krævede mange bøger på klassen.</p>"),
        what_we_did=[
            ("paragraph", RichText("<p>Vi læste hver morgen i tyve minutter.</p>")),
            (
                "picture",
                {
                    "image": {
                        "image": picture("Bogkassen", (40, 90, 160)),
                        "alt_text": "Klassens bogkasse med billedbøger",
                        "decorative": False,
                    },
                    "caption": "Klassens bogkasse",
                },
            ),
            (
                "quote",
                {"quote": "Jeg vil gerne læse videre!", "speaker": "pupil", "attribution": "5.b"},
            ),
            (
                "table",
                {
                    "caption": "Læste sider pr. uge",
                    "columns": [
                        {"type": "text", "heading": "Uge"},
                        {"type": "number", "heading": "Sider"},
                    ],
                    "rows": [{"values": ["1", 40]}, {"values": ["2", 55]}],
                },
            ),
        ],
    )
    second = make_experiment(school, "Makkerlæsning på tværs af årgange", tags=["Læsning"])
    ExperimentLink.objects.create(page=second, target=first, kind="adapts")
    make_experiment(network.school_b, "Højtlæsning i 5. klasse", tags=["Læsning"])
    # Two to a page, so the school and tag pages show their pagination too.
    monkeypatch.setattr(SchoolPage, "EXPERIMENTS_PER_PAGE", 2)
    monkeypatch.setattr(tag_views, "EXPERIMENTS_PER_PAGE", 2)
    return {
        "home": "/",
        "municipality": network.municipality_a.url,
        "school": school.url,
        "experiment": first.url,
        "tag index": "/emner/",
        "tag detail": f"/emner/{Tag.objects.get(name='Læsning').slug}/",
        "search results": "/soeg/?q=l%C3%A6sning",
        "findings": "/fund/",
        "experiments list": "/forsoeg/",
        "school overview": f"/skole-oversigt/{school.pk}/",
        "municipality overview": f"/kommune-oversigt/{network.municipality_a.pk}/",
        # Filtered: the heading names the filters and chips remove them.
        "filtered findings": f"/fund/?emne={Tag.objects.get(name='Læsning').slug}&fag=dansk",
        "filtered experiments list": f"/forsoeg/?kommune={network.municipality_a.pk}&status=planned",
        "members' login": f"/_util/login/?next={first.url}",
    }


PAGE_TYPES = [
    "home",
    "municipality",
    "school",
    "experiment",
    "tag index",
    "tag detail",
    "search results",
    "findings",
    "experiments list",
    "school overview",
    "municipality overview",
    "filtered findings",
    "filtered experiments list",
    "members' login",
]


@pytest.mark.parametrize("page_type", ["home", "filtered findings", "members' login"])
def test_phone_layout_has_no_serious_accessibility_violations(
    live_server, browser, public_pages, page_type
):
    """At a phone's width the filters sit behind a button and the header wraps: axe again."""
    context = browser.new_context(locale="da-DK", viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + public_pages[page_type])
        violations = serious(axe_violations(page))
        assert not violations, describe(violations)
    finally:
        context.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_public_page_has_no_serious_accessibility_violations(
    live_server, page, public_pages, page_type
):
    response = page.goto(live_server.url + public_pages[page_type])
    assert response.status == 200, f"{page_type} page answered {response.status}"
    assert page.locator("h1").count() == 1
    violations = axe_violations(page)
    if violations:
        print(f"\naxe-core on the {page_type} page:\n{describe(violations)}")
    assert not serious(violations), (
        f"axe-core found serious or critical violations on the {page_type} page:\n"
        + describe(serious(violations))
    )


def test_axe_check_catches_a_real_violation(live_server, page, public_pages):
    """The check above can fail: an image without alt text on a page is reported as critical."""
    page.goto(live_server.url + public_pages["home"])
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/none.png';"
        " document.querySelector('main').appendChild(img); }"
    )
    assert "image-alt" in {v["id"] for v in serious(axe_violations(page))}


def test_skip_link_is_first_and_moves_focus_to_main_content(live_server, page, public_pages):
    page.goto(live_server.url + public_pages["school"])
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible(), "the skip link must be visible when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_breadcrumbs_lead_from_experiment_to_home(live_server, page, public_pages):
    page.goto(live_server.url + public_pages["experiment"])
    crumbs = page.locator("nav.breadcrumbs li").all_inner_texts()
    assert crumbs == [
        "Forside",
        "Aarhus Kommune",
        "Skjoldhøjskolen",
        "Læsebånd med selvvalgte bøger",
    ] or crumbs[1:] == ["Aarhus Kommune", "Skjoldhøjskolen", "Læsebånd med selvvalgte bøger"]
