"""Referrer policy for the admin only."""

from campaign_site.middleware import is_admin_path


class AdminReferrerPolicyMiddleware:
    """Lets the admin's own forms work in real browsers.

    The site-wide `Referrer-Policy: no-referrer` (the visitors' anonymity promise) makes browsers send
    `Origin: null` with a form post, which Django's CSRF check rightly refuses: staff could not sign in.
    Admin pages are not public, so they use `same-origin`: the referrer goes to our own origin, never elsewhere.
    Must sit after SecurityMiddleware, which only sets the header when it is not already set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_path(request.path):
            response.headers["Referrer-Policy"] = "same-origin"
        return response
