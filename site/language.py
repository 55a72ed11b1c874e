"""The site speaks Danish unless the visitor chose English with the language switcher.

Django's LocaleMiddleware would follow the browser's Accept-Language header, so a teacher on an
English-language laptop would land on an English site. The choice is the visitor's (the language
cookie set by the switcher), never the browser's. Wagtail's admin still follows each user's own
language preference.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = dict(settings.LANGUAGES)
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
