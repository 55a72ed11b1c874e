"""Links to a tag's page, as every listing shows them: the same address Django's reverse
gives, for Danish letters, spaces and reserved characters alike."""

import pytest
from django.urls import reverse
from django.urls.base import set_script_prefix

from knowledge.templatetags.tag_links import tag_url


@pytest.mark.parametrize(
    "slug", ["læsning", "to-lærere", "co_teaching", "a b", "100%", "æøå&?#=+", "ÆØÅ~:@!"]
)
def test_a_tag_link_is_the_address_reverse_gives(slug):
    assert tag_url(slug) == reverse("knowledge:tag_detail", args=[slug])


def test_a_site_served_under_a_prefix_links_under_it():
    set_script_prefix("/praksis/")
    try:
        assert tag_url("læsning") == "/praksis/emner/l%C3%A6sning/"
    finally:
        set_script_prefix("/")
    assert tag_url("læsning") == "/emner/l%C3%A6sning/"
