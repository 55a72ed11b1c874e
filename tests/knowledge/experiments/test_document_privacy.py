"""Attachments of members-only or unpublished experiments never reach anonymous visitors."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.support.network import make_experiment


def attachment(title="Elevskema.pdf"):
    document = get_document_model()(title=title)
    document.file.save("elevskema.pdf", ContentFile(b"%PDF-1.4 praksis"), save=False)
    document.save()
    return document


def experiment_with(network, document, **kwargs):
    body = [{"type": "document", "value": {"document": document.pk, "description": "Skema"}}]
    return make_experiment(network.school_a, "Læsebånd med bilag", what_we_did=body, **kwargs)


@pytest.mark.django_db
def test_an_attachment_of_a_public_experiment_is_served_to_everyone(network, client):
    document = attachment()
    experiment_with(network, document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 praksis"


@pytest.mark.django_db
def test_an_attachment_of_a_members_only_experiment_asks_visitors_to_log_in(network, client):
    document = attachment()
    experiment_with(network, document, members_only=True)

    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]

    client.force_login(network.teacher_b)
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_an_attachment_used_only_in_a_draft_or_nowhere_is_not_public(network, client):
    used_in_draft, unused = attachment("Kladde.pdf"), attachment("Ubrugt.pdf")
    experiment_with(network, used_in_draft, live=False)
    for document in (used_in_draft, unused):
        response = client.get(document.url)
        assert response.status_code == 302, document.title


@pytest.mark.django_db
def test_an_attachment_of_another_schools_draft_is_refused_to_a_member(network, client):
    document = attachment("Andens kladde.pdf")
    experiment_with(network, document, live=False)  # a draft at school A
    client.force_login(network.teacher_b)  # a teacher at school B
    assert client.get(document.url).status_code == 403
    client.force_login(network.leader_a)  # school A's leader edits the draft: may read it
    assert client.get(document.url).status_code == 200


@pytest.mark.django_db
def test_an_attachment_of_a_group_restricted_experiment_follows_the_group(network, client):
    from wagtail.models import PageViewRestriction

    document = attachment("Ledelsesnotat.pdf")
    experiment = experiment_with(network, document)
    restriction = PageViewRestriction.objects.create(
        page=experiment, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_a.leaders_group])
    client.force_login(network.teacher_b)
    assert client.get(document.url).status_code == 403
    client.force_login(network.leader_a)
    assert client.get(document.url).status_code == 200
