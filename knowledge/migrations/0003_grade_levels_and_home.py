"""Grade levels 0.–10. klasse, and the network home page as the site's root page."""

from django.db import migrations


def create_grade_levels(apps, schema_editor):
    GradeLevel = apps.get_model("knowledge", "GradeLevel")
    for number in range(0, 11):
        GradeLevel.objects.get_or_create(number=number)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("knowledge", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")

    # Wagtail's own migrations leave a "Welcome" page at depth 2; the network's home replaces it.
    Page.objects.filter(depth=2, slug="home").delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="knowledge")
    home = HomePage.objects.create(
        title="Praksisnet",
        draft_title="Praksisnet",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.first(),
        live=True,
        intro=(
            "<p>Praksisnet er lærernes eget netværk: her deler lærerteam de prøvehandlinger, "
            "de har gennemført, hvad de så, og hvad de lærte.</p>"
        ),
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Praksisnet"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_grade_levels, migrations.RunPython.noop),
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
    ]
