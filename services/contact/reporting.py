"""An exception reporter filter that keeps a crash report free of who she is and what she wrote.

Installed site-wide as DEFAULT_EXCEPTION_REPORTER_FILTER. On top of Django's own
filter (which hides settings and parameters marked sensitive), it:

- drops the client's address, User-Agent, forwarding headers and cookies from the
  request metadata of every report;
- on requests marked with `sensitive_post_parameters()` for all parameters (the
  contact form), hides the local variables of every frame of the traceback, not only
  of the functions marked `sensitive_variables`: a crash deep in a library must not
  print her message either.
"""

from django.views.debug import SafeExceptionReporterFilter

DROPPED_META = {
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_COOKIE",
    "HTTP_REFERER",
}


def _all_sensitive(request):
    return getattr(request, "sensitive_post_parameters", None) == "__ALL__"


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Django's safe filter, minus IP, User-Agent and cookies, and blind on the contact form."""

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        return {key: value for key, value in meta.items() if key not in DROPPED_META}

    def get_safe_cookies(self, request):
        return {}

    def get_traceback_frame_variables(self, request, tb_frame):
        if request is not None and _all_sensitive(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)
