"""Findings without a place get one: /fund/ pages seek by (experiment, sort_order, id), and a
missing sort_order would end the list there."""

from django.db import migrations


def place_findings(apps, schema_editor):
    Finding = apps.get_model("knowledge", "Finding")
    pages = Finding.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True)
    for page_id in set(pages):
        findings = Finding.objects.filter(page_id=page_id).order_by("sort_order", "pk")
        for order, finding in enumerate(findings):
            if finding.sort_order != order:
                finding.sort_order = order
                finding.save(update_fields=["sort_order"])


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0006_listing_facts")]

    operations = [migrations.RunPython(place_findings, migrations.RunPython.noop)]
