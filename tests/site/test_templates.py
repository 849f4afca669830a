"""Templates people can read: short lines, and one markup for every row of facts."""

from pathlib import Path

from django.template import Context, Template

ROOT = Path(__file__).resolve().parents[2]
MAX_LINE = 120


def templates():
    for folder in ("site", "home", "services", "directory"):
        yield from (ROOT / folder).rglob("templates/**/*.html")


def test_no_template_line_is_longer_than_120_characters():
    long_lines = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in templates()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > MAX_LINE
    ]
    assert long_lines == []


def test_a_fact_renders_its_label_and_its_value_in_one_row():
    template = Template(
        '{% load closher_tags %}<dl>{% fact label class="free" %}\n'
        "  <b>{{ value }}</b>\n"
        "{% endfact %}</dl>"
    )
    html = template.render(Context({"label": "Where & when", "value": "<Bologna>"}))
    assert html.strip() == (
        '<dl><div><dt>Where &amp; when</dt><dd class="free"><b>&lt;Bologna&gt;</b></dd></div></dl>'
    )
