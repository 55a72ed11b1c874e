"""A facet's values as the filter column shows them ({% facet_values %}): each a link that
chooses (or, chosen, removes) the value, with its count said in Danish to a screen reader, and
every text escaped: labels are names teachers typed."""

from django.utils import translation

from knowledge.listings.facets import FacetValue, ShownFacet
from knowledge.templatetags.facet_tags import facet_values
from tests.support.pages import FACET_VALUE


def shown(*values):
    return ShownFacet(parameter="emne", label="Emne", values=list(values))


def test_values_are_links_with_counts_and_a_chosen_one_says_it_removes():
    facet = shown(
        FacetValue("læsning", "Læsning", 12, selected=True, url="?fag=dansk"),
        FacetValue("trivsel", "Trivsel", 1, url="?emne=trivsel&fag=dansk"),
    )
    with translation.override("da"):
        html = facet_values(facet)
        searched = facet_values(facet, "experiments")
    found = FACET_VALUE.findall(html)
    assert found == [
        ("?fag=dansk", ' aria-current="true"', "læsning", "Læsning", "12"),
        ("?emne=trivsel&amp;fag=dansk", "", "trivsel", "Trivsel", "1"),
    ]
    assert '<span class="visually-hidden">Fjern filter: </span>Læsning' in html
    assert 'aria-label="12 resultater"' in html and 'aria-label="1 resultat"' in html
    assert 'aria-label="12 forsøg"' in searched
    assert html.count('rel="nofollow"') == 2


def test_what_teachers_typed_is_escaped():
    facet = shown(FacetValue('"><script>x</script>', "<b>Skole & co</b>", 3, url='?emne="x"'))
    html = facet_values(facet)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;Skole &amp; co&lt;/b&gt;" in html
    assert 'href="?emne=&quot;x&quot;"' in html
