"""schema.org helpers shared by help points and workshops: day names and JSON-LD text."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# schema.org's day names, indexed like date.weekday().
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The characters django.utils.html.json_script escapes inside a <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_json(data):
    """`data` as the text of a `<script type="application/ld+json">`: <, > and & escaped
    as Django's json_script does, so it is data and never markup."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above
