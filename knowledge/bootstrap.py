"""The content every Praksisnet database starts with, recreated with the live models.

Migrations create it once (Wagtail's root page, locale and root collection; knowledge's
0003_grade_levels_and_home: grade levels 0-10 and the network home page as the default site's
root). A flush (the end of every transactional test) empties those tables, so tests that flush
call ensure_base_content() to get the same starting point back. The migration keeps its own
copy of this logic because a migration must work with the historical models.
"""

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant

GRADE_NUMBERS = range(0, 11)
HOME_TITLE = "Praksisnet"
HOME_INTRO = (
    "<p>Praksisnet er lærernes eget netværk: her deler lærerteam de prøvehandlinger, "
    "de har gennemført, hvad de så, og hvad de lærte.</p>"
)


@transaction.atomic
def ensure_base_content():
    """Create whatever of the base content is missing; returns the network's HomePage."""
    from wagtail.models import Collection, Locale, Page, Site

    from knowledge.models import GradeLevel, HomePage

    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for number in GRADE_NUMBERS:
        GradeLevel.objects.get_or_create(number=number)

    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title=HOME_TITLE, slug="home", locale=locale, intro=HOME_INTRO)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": HOME_TITLE},
    )
    return home
