"""Response headers that keep a visitor safe: CSP, Permissions-Policy and caching.

Django's SecurityMiddleware already sends HSTS (in production), nosniff,
Referrer-Policy and Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware denies
framing. This module adds what Django 5.2 lacks:

- a strict Content-Security-Policy for the public site, with `extend_csp()` so one view
  (the contact page, for reCAPTCHA) can widen the policy of its own response only;
- a looser policy for the Wagtail admin, whose editor still needs inline styles, and
  `use_strict_admin_csp()` so an admin view that shows secrets (the secure inbox) gets
  the admin policy without any 'unsafe-inline' for its own response;
- a Permissions-Policy allowing only geolocation, on our own origin;
- `Cache-Control: private` on HTML that does not set its own caching;
- `Referrer-Policy: same-origin` (instead of `no-referrer`) where forms are posted:
  the admin, and pages that call `use_same_origin_referrer()`;
- `mark_private()` for confidential responses (never cached, never indexed), and
  `keep_private(request)` for a response a view cannot reach itself (a served document).
"""

PUBLIC_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# The Wagtail admin's date choosers are set up by inline scripts, its editors set
# inline styles, and it previews our own pages in an iframe. Only signed-in staff see
# it; scripts still come from our own origin only.
ADMIN_CSP = {
    **PUBLIC_CSP,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
}

# The admin policy without inline code: for admin pages where a passphrase is typed or
# decrypted text is shown, which nothing may inject into or frame.
STRICT_ADMIN_CSP = {
    **ADMIN_CSP,
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow"}

PERMISSIONS_POLICY = ", ".join(
    ["geolocation=(self)"]
    + [
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "autoplay",
            "camera",
            "display-capture",
            "encrypted-media",
            "fullscreen",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "picture-in-picture",
            "publickey-credentials-get",
            "screen-wake-lock",
            "usb",
            "xr-spatial-tracking",
        )
    ]
)


def extend_csp(request, script_src=(), frame_src=(), connect_src=(), style_src=()):
    """Allow extra sources in the Content-Security-Policy of this request's response only.

    `extend_csp(request, script_src=["https://www.recaptcha.net"])` from a view (or a
    page's `serve`) adds the sources to the policy the middleware sends back.
    """
    extras = request.__dict__.setdefault("_csp_extra", {})
    for directive, sources in [
        ("script-src", script_src),
        ("frame-src", frame_src),
        ("connect-src", connect_src),
        ("style-src", style_src),
    ]:
        extras.setdefault(directive, []).extend(source for source in sources if source)


def use_strict_admin_csp(request):
    """Send this admin response with STRICT_ADMIN_CSP: no inline scripts or styles, no frames.

    Called by a view before it renders; its template and scripts must then keep every
    script and style in files under /static/ (no <script> or <style> blocks, no `style=`
    or `on…=` attributes).
    """
    request.strict_admin_csp = True


def use_same_origin_referrer(request):
    """Let this response's page send forms: `Referrer-Policy: same-origin` instead of none.

    With `no-referrer` browsers send `Origin: null` with a POST, which Django's CSRF
    check rightly refuses. A page with a POST form (the contact page) calls this before
    rendering; base.html's referrer meta tag follows `request.referrer_policy`. Other
    origins, the quick-exit destination included, still receive no referrer.
    """
    request.referrer_policy = "same-origin"


def mark_private(response):
    """Never cached by anyone, never indexed."""
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


def keep_private(request):
    """Send this request's response marked private (see `mark_private`)."""
    request.private_response = True


def build_policy(base, extras):
    """The CSP header value: `base` directives with `extras` merged in, 'none' dropped."""
    policy = {directive: list(sources) for directive, sources in base.items()}
    for directive, sources in extras.items():
        if not sources:
            continue
        merged = [source for source in policy.get(directive, []) if source != "'none'"]
        merged.extend(source for source in sources if source not in merged)
        policy[directive] = merged
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


def is_admin(request):
    return request.path.startswith("/admin/")


def csp_base(request):
    if not is_admin(request):
        return PUBLIC_CSP
    return STRICT_ADMIN_CSP if getattr(request, "strict_admin_csp", False) else ADMIN_CSP


class SecurityHeadersMiddleware:
    """Adds CSP, Permissions-Policy and private caching to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        base = csp_base(request)
        response.setdefault(
            "Content-Security-Policy",
            build_policy(base, request.__dict__.get("_csp_extra", {})),
        )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_admin(request):
            use_same_origin_referrer(request)
        if getattr(request, "referrer_policy", None):
            response["Referrer-Policy"] = request.referrer_policy
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private"
        if getattr(request, "private_response", False):
            mark_private(response)
        return response
