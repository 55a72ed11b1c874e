"""Read the site in English in tests that check interface text, whatever Danish the .po gains.

The site's default language is Danish; the English msgids are what these tests assert, so the
test client asks for English the way a visitor's language choice would (the language cookie).
"""

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
