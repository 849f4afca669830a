"""Template tags for the site chrome: menu, language switcher, guidance link, phone links,
and the rows of a list of facts."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from closher import seo
from closher.page_cache import remember
from home.models import SafeBrowsingPage

register = template.Library()


def language_name(code):
    """The language's name written in itself, capitalised: 'Français', 'العربية'."""
    name = get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """One link per language, to this page in that language (or this path, for non-pages)."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE")
    urls = {}
    if isinstance(page, Page) and page.pk:
        urls = remember(
            request,
            ("translations", request.get_host(), str(page.translation_key)),
            lambda: translation_urls(request, page),
        )
    links = [
        {
            "code": code,
            "name": language_name(code),
            "url": urls.get(code) or translate_url(request.path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"links": links}


def translation_urls(request, page):
    """{language code: URL} of the page's translations."""
    urls = {}
    # Unordered: ordered by path, the database may walk every page's path instead of the
    # translation_key index.
    translations = Page.objects.filter(translation_key=page.translation_key).order_by()
    for translation in translations.select_related("locale"):
        url = translation.specific_deferred.get_url(request)
        if url:
            urls[translation.locale.language_code] = url
    return urls


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context, page=None, network_name=""):
    """The page's description, canonical URL and language alternates (hreflang)."""
    request = context["request"]
    canonical, alternates = "", []
    if isinstance(page, Page) and page.pk and page.live:
        canonical, alternates = remember(
            request,
            ("head-links", request.get_host(), page.pk),
            lambda: seo.head_links(page, request),
        )
    return {
        "description": seo.description(page if isinstance(page, Page) else None, network_name),
        "canonical": canonical,
        "alternates": alternates,
    }


@register.filter
def tel_uri(number):
    """'+39 051 123' -> 'tel:+39051123'."""
    return "tel:" + "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")


@register.simple_tag(takes_context=True)
def safe_browsing_url(context):
    """URL of the safe-browsing guidance page in the current language, if there is one."""
    request = context.get("request")
    language = get_language()

    def find():
        pages = SafeBrowsingPage.objects.live().public().select_related("locale")
        by_language = {page.locale.language_code: page for page in pages}
        page = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
        return page.get_url(request) if page else ""

    if request is None:
        return find()
    return remember(request, ("safe-browsing", request.get_host(), language), find)


@register.inclusion_tag("includes/site_menu.html", takes_context=True)
def site_menu(context, page=None):
    """The main menu: the home page's live public sections, in the current language."""
    request = context["request"]
    menu = remember(
        request, ("menu", request.get_host(), get_language()), lambda: menu_items(request)
    )
    current = getattr(page, "pk", None)
    return {
        "home_url": menu["home_url"],
        "items": [{**item, "current": item["pk"] == current} for item in menu["items"]],
    }


def menu_items(request):
    """The home page's URL and its live public sections, in the current language."""
    site = Site.find_for_request(request)
    home = site.root_page.localized if site else None
    items = home.get_children().live().public() if home else []
    return {
        "home_url": home.get_url(request) if home else "",
        "items": [
            {"pk": item.pk, "title": item.title, "url": item.get_url(request)} for item in items
        ],
    }


class FactNode(template.Node):
    def __init__(self, label, css_class, nodelist):
        self.label, self.css_class, self.nodelist = label, css_class, nodelist

    def render(self, context):
        value = mark_safe(self.nodelist.render(context).strip())  # noqa: S308 - rendered template
        label = self.label.resolve(context)
        css_class = self.css_class.resolve(context) if self.css_class else ""
        if css_class:
            row = '<div><dt>{}</dt><dd class="{}">{}</dd></div>'
            return format_html(row, label, css_class, value)
        return format_html("<div><dt>{}</dt><dd>{}</dd></div>", label, value)


@register.tag
def fact(parser, token):
    """One row of a `<dl class="facts">`: `{% fact _("Where") %}…{% endfact %}`, the part
    between the tags its value; `{% fact label class="availability" %}` classes the value."""
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and not bits[2].startswith("class=")):
        raise template.TemplateSyntaxError('Use {% fact label %} or {% fact label class="…" %}.')
    label = parser.compile_filter(bits[1])
    css_class = parser.compile_filter(bits[2].removeprefix("class=")) if len(bits) == 3 else None
    nodelist = parser.parse(("endfact",))
    parser.delete_first_token()
    return FactNode(label, css_class, nodelist)


class RememberNode(template.Node):
    def __init__(self, parts, nodelist):
        self.parts, self.nodelist = parts, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:  # outside a request (an email): nothing to share it with
            return self.nodelist.render(context)
        parts = (
            "fragment",
            request.get_host(),
            get_language(),
            *(part.resolve(context) for part in self.parts),
        )
        html = remember(request, parts, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - rendered template


@register.tag(name="remember")
def remember_tag(parser, token):
    """`{% remember "name" value… %}…{% endremember %}`: the part between the tags,
    rendered once per generation of the page tree for this host, language and values
    (`closher.page_cache.remember`), and until what it shows goes stale. Only for what is
    the same for every visitor: no form token, nothing she typed."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('Use {% remember "name" value… %}.')
    parts = [parser.compile_filter(bit) for bit in bits[1:]]
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(parts, nodelist)
