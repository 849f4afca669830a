"""Every URL pattern of the project, from Django's resolver: what the leak tests request."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")


def url_routes(patterns=None, prefix="", namespace=""):
    """(route, URL name with namespace, namespace, argument names) of every URL pattern."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    routes = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace or ""
            routes += url_routes(
                pattern.url_patterns, route, inner if pattern.namespace else namespace
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name or ""
            routes.append((route, name, namespace, [arg for _conv, arg in ARGUMENT.findall(route)]))
    return routes
