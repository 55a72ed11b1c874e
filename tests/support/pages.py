"""Read what the findings page and the experiments list show, as a visitor would."""

import re
from html import unescape

from django.conf import settings
from django.utils import translation

FACET = re.compile(r'<section class="facet" data-facet="([^"]+)">(.*?)</section>', re.S)
FACET_VALUE = re.compile(
    r'<a href="([^"]*)"( aria-current="true")?[^>]*data-value="([^"]*)">(?:<span[^>]*>[^<]*</span>)?([^<]*)</a> '
    r'<span class="count"[^>]*>\((\d+)\)</span>'
)
RESULT_COUNT = re.compile(r'<p class="result-count">(\d+) ')


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def statements(response):
    return [
        unescape(text) for text in re.findall(r'<p class="statement">(.*?)</p>', html(response))
    ]


def experiment_titles(response):
    return [
        unescape(text)
        for text in re.findall(
            r'<tr class="experiment">\s*<th scope="row"><a [^>]*>(.*?)</a>', html(response)
        )
    ]


def result_count(response):
    return int(RESULT_COUNT.search(html(response)).group(1))


def facets(response):
    """{parameter: [(value, label, count, url)]} as the filter column shows them."""
    return {
        parameter: [
            (unescape(value), unescape(label).strip(), int(count), unescape(url))
            for url, _selected, value, label, count in FACET_VALUE.findall(body)
        ]
        for parameter, body in FACET.findall(html(response))
    }


def selected_values(response):
    """{parameter: value} for each filter the page marks as chosen."""
    return {
        parameter: unescape(value)
        for parameter, body in FACET.findall(html(response))
        for _url, selected, value, _label, _count in FACET_VALUE.findall(body)
        if selected
    }


CHIP = re.compile(r'<a class="chip" href="([^"]*)" data-chip>(.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def heading(response):
    """The page's h1, as text."""
    return unescape(
        TAG.sub("", re.search(r"<h1>(.*?)</h1>", html(response), re.S).group(1))
    ).strip()


def chips(response):
    """[(text, address)] of the chosen filters shown at the top: the text a reader hears
    ("Fjern filter: Fag: Dansk") and the address that removes that value."""
    return [
        (" ".join(unescape(TAG.sub("", text)).replace("×", "").split()), unescape(url))
        for url, text in CHIP.findall(html(response))
    ]


def export_links(response):
    return {
        kind: unescape(url)
        for url, kind in re.findall(r'<a href="([^"]+)" data-export="(\w+)">', html(response))
    }


def label(msgid):
    """A column heading as the site's language writes it (exports are made in that language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(msgid)
