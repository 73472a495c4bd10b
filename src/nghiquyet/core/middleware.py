from django.conf import settings


class VietnameseFirstMiddleware:
    """Vietnamese unless the user chose another language.

    The browser's Accept-Language is ignored: offices often run browsers set to
    English, yet the working language is Vietnamese. The language switch sets a
    cookie, which ``LocaleMiddleware`` (right after this one) honours.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
