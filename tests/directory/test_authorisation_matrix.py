"""Who sees what of the protected directory: every role against every place it could leak."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page

from directory.models import AccessRecord

from .routes import url_routes

ROLES = ["anonymous", "visitor", "partner_a", "operator_a", "operator_b", "editor", "admin"]
SECRET_WORD = "girasole"  # only in the M.I.A.-only procedure
SECRET_TITLES = [
    "Elenco riservato agli operatori",
    "In rete per l'autonomia",
    "Procedura interna M.I.A.",
]

# What each role may open; everything else must stay invisible.
VISIBLE = {
    "operator_a": {
        "index",
        "housing",
        "network-protocol",
        "mia-protocol",
        "network-doc",
        "mia-doc",
    },
    "operator_b": {"index", "housing", "network-protocol", "network-doc"},
    "admin": {"index", "housing", "network-protocol", "mia-protocol", "network-doc", "mia-doc"},
}


def page(slug, language="it"):
    return Page.objects.get(slug=slug, locale__language_code=language).specific


def directory_targets():
    """Every directory URL (Italian pages and their aliases in English and Arabic)."""
    targets = {}
    for language in ("it", "en", "ar"):
        for name, slug in [
            ("index", "riservato"),
            ("housing", "casalmaggiore-alloggio-1"),
            ("network-protocol", "protocollo-di-rete"),
            ("mia-protocol", "procedura-interna-mia"),
        ]:
            found = page(slug, language)
            targets[f"{name}@{language}"] = (name, found.url, found.title)
    Document = get_document_model()
    for name, title in [
        ("network-doc", "Protocollo di rete (esempio)"),
        ("mia-doc", "Procedura ingressi M.I.A. (esempio)"),
    ]:
        doc = Document.objects.get(title=title)
        targets[name] = (name, doc.url, None)
    return targets


def client_for(role, roles, login_as):
    if role == "visitor":  # a woman reading the public site in Arabic
        client = Client(HTTP_ACCEPT_LANGUAGE="ar")
        client.get(Page.objects.get(depth=2, locale__language_code="ar").url)
        return client
    user = roles[role]
    return Client() if user is None else login_as(user)


def assert_refused(response, label):
    assert response.status_code in {302, 403, 404}, label
    if response.status_code == 302:
        location = response["Location"]
        assert "/admin/login/" in location or "/admin/two-factor/" in location, label
    body = response.content.decode(errors="replace")
    for title in SECRET_TITLES:
        assert escape(title) not in body, label


def public_routes_without_arguments():
    """Every public URL (APIs, feeds, sitemap, robots.txt) that takes no argument."""
    urls = []
    for route, _name, _namespace, arguments in url_routes():
        route = route.replace("/?", "/")
        if route.startswith("admin/") or arguments or any(c in route for c in "()[]?*+\\"):
            continue
        urls.append("/" + route)
    return urls


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_its_part_of_the_directory(role, roles, login_as):
    client = client_for(role, roles, login_as)
    allowed = VISIBLE.get(role, set())
    opened = 0
    for label, (name, url, title) in directory_targets().items():
        response = client.get(url)
        if name in allowed:
            assert response.status_code == 200, label
            assert {"private", "no-store"} <= set(response["Cache-Control"].split(", ")), label
            assert "noindex" in response["X-Robots-Tag"], label
            if title:
                assert escape(title) in response.content.decode(), label
            else:
                assert b"esempio" in b"".join(response.streaming_content), label
            opened += name != "index"  # the listing itself is not a resource
        else:
            assert_refused(response, f"{role} {label}")
    user = roles[role]
    if user is not None:
        assert AccessRecord.objects.filter(user=user).count() == opened

    index = page("riservato")
    response = client.get(index.url, {"q": SECRET_WORD})
    if role in {"operator_a", "admin"}:
        assert "Procedura interna M.I.A." in response.content.decode()
    elif role == "operator_b":
        body = response.content.decode()
        assert response.status_code == 200
        assert "Procedura interna M.I.A." not in body
        assert "0 resources" in body or "0 risorse" in body
        listing = client.get(index.url).content.decode()
        assert escape("In rete per l'autonomia") in listing
        assert "Procedura interna M.I.A." not in listing
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_nothing_leaks_through_public_channels(role, roles, login_as):
    client = client_for(role, roles, login_as)
    assert not Page.objects.live().public().search(SECRET_WORD)
    public_urls = []
    for language in ("it", "en", "ar"):
        with translation.override(language):
            public_urls += public_routes_without_arguments()
    assert {"/robots.txt", "/api/help-points/", "/api/hsds/services/", "/it/sitemap.xml"} <= set(
        public_urls
    )
    for url in public_urls:
        body = body_of(client.get(url))
        assert "riservato" not in body, url
        for title in SECRET_TITLES:
            assert escape(title) not in body, url
    home = client.get(page("home").url).content.decode()
    assert "riservato" not in home
    for doc in get_document_model().objects.filter(collection__view_restrictions__isnull=False):
        assert client.get(f"/media/{doc.file.name}").status_code == 404  # only via /documents/


@pytest.mark.parametrize("role", ["partner_a", "operator_a", "operator_b", "editor", "admin"])
def test_admin_listing_search_and_chooser_show_the_directory_only_to_its_audience(
    role, roles, login_as
):
    client = login_as(roles[role])
    directory = page("riservato")
    mia_protocol = page("procedura-interna-mia")
    explorer = client.get(reverse("wagtailadmin_explore", args=[page("home").pk]))
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[directory.pk]))
    searches = [
        client.get(reverse("wagtailadmin_pages:search"), {"q": word}).content.decode()
        for word in (SECRET_WORD, "autonomia")
    ]
    admin_views = [explorer.content.decode(), chooser.content.decode(), *searches]

    # Operators of B have no admin access at all; operators of A edit their units.
    sees_directory = role in {"operator_a", "admin"}
    for body in admin_views:
        assert ("Procedura interna M.I.A." in body) is False or role in {"operator_a", "admin"}
        if not sees_directory:
            for title in SECRET_TITLES:
                assert escape(title) not in body, role
    assert ("Alloggio 1" in chooser.content.decode()) is sees_directory

    edit_private = client.get(reverse("wagtailadmin_pages:edit", args=[mia_protocol.pk]))
    assert (edit_private.status_code == 200) is (role == "admin")
    unit = page("casalmaggiore-alloggio-4")
    edit_unit = client.get(reverse("wagtailadmin_pages:edit", args=[unit.pk]))
    assert (edit_unit.status_code == 200) is (role in {"operator_a", "admin"})
