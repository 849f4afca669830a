"""Every admin route that takes an object's id, asked by every role for confidential objects.

The routes are not listed by hand: they come from Django's URL resolver, so a view
added by a Wagtail upgrade is requested here too, and an id argument nobody has
classified fails `test_every_admin_url_argument_is_classified`.
"""

import pytest
from django.test import Client
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from directory.admin_guard import finder_for
from directory.models import AccessRecord
from services.associations.roles import setup_association_roles
from services.models import AssociationPage

from .conftest import UserFactory
from .routes import ARGUMENT, url_routes

ROLES = [
    "anonymous",
    "partner",
    "editor",
    "moderator",
    "inbox_member",
    "operator_other",
    "network_operator",
    "operator_mia",
    "superuser",
]
# Words only the M.I.A. operators (and superusers) may read, and words of the whole
# directory, which every operator may read.
MIA_SECRETS = ["Procedura interna M.I.A.", "girasole", "Procedura ingressi M.I.A."]
DIRECTORY_SECRETS = ["Elenco riservato agli operatori", "via della Corte 0", "Alloggio 4"]
AUDIENCE = {
    "mia": {"operator_mia", "superuser"},
    "directory": {"operator_mia", "operator_other", "network_operator", "superuser"},
}


def admin_routes():
    return [route for route in url_routes() if route[0].startswith("admin/")]


def test_every_admin_url_argument_is_classified():
    routes = list(admin_routes())
    assert len(routes) > 200
    unclassified = []
    for route, _name, namespace, arguments in routes:
        for argument in arguments:
            try:
                finder_for(namespace, argument)
            except LookupError as error:
                unclassified.append(f"{route}: {error}")
    assert unclassified == []


@pytest.fixture
def all_roles(roles):
    mia = AssociationPage.objects.get(slug="mia", locale__language_code="it")
    setup_association_roles(mia)
    return {
        "anonymous": None,
        "partner": roles["partner_a"],
        "editor": roles["editor"],
        "moderator": UserFactory(username="moderator", groups=["Moderators"]),
        "inbox_member": UserFactory(username="inbox", groups=[f"Inbox – {mia.title}"]),
        "operator_other": roles["operator_b"],
        "network_operator": UserFactory(username="network_op", groups=["Operators"]),
        "operator_mia": roles["operator_a"],
        "superuser": roles["admin"],
    }


@pytest.fixture
def confidential(all_roles):
    """Ids of confidential objects of each kind, by audience."""
    Document = get_document_model()
    mia_page = Page.objects.get(slug="procedura-interna-mia", locale__language_code="it")
    unit = Page.objects.get(slug="casalmaggiore-alloggio-4", locale__language_code="it")
    index = Page.objects.get(slug="riservato", locale__language_code="it")
    mia_doc = Document.objects.get(title="Procedura ingressi M.I.A. (esempio)")
    network_doc = Document.objects.get(title="Protocollo di rete (esempio)")
    revision = mia_page.specific.save_revision(user=all_roles["superuser"])
    state = mia_page.specific.get_workflow().start(mia_page.specific, all_roles["superuser"])
    source, _created = TranslationSource.get_or_create_from_instance(mia_page.specific)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    unit_revision = unit.specific.save_revision(user=all_roles["superuser"])
    AccessRecord.record(all_roles["operator_mia"], page=mia_page)
    AccessRecord.record(all_roles["operator_other"], page=unit)
    return {
        "mia": {
            "page": mia_page.pk,
            "revision": revision.pk,
            "document": mia_doc.pk,
            "collection": mia_doc.collection_id,
            "translation": translation.pk,
            "translation_source": source.pk,
            "workflow_state": state.pk,
            "task_state": state.current_task_state.pk,
        },
        "directory": {
            "page": unit.pk,
            "parent": index.pk,
            "revision": unit_revision.pk,
            "document": network_doc.pk,
            "collection": network_doc.collection_id,
        },
    }


PAGE_ARGUMENTS = {"page_id", "page_to_move_id", "destination_id", "page_pk"}


def value_for(argument, name, ids):
    """The value of a URL argument that names the confidential object of `ids`."""
    kind = {
        "revision_id": "revision",
        "doc_id": "document",
        "document_id": "document",
        "collection_id": "collection",
        "translation_id": "translation",
        "translation_source_id": "translation_source",
        "workflow_state_id": "workflow_state",
        "task_state_id": "task_state",
        "parent_page_id": "parent" if "parent" in ids else "page",
    }.get(argument)
    if argument in PAGE_ARGUMENTS:
        kind = "page"
    if argument == "pk":
        kind = (
            "document"
            if "documents" in name or "wagtaildocs" in name
            else "collection"
            if "collections" in name
            else "page"
        )
    if kind is not None:
        return ids.get(kind, ids["page"])
    return {
        "content_type_app_name": "directory",
        "content_type_model_name": "protocolpage",
        "app_label": "wagtailcore",
        "model_name": "page",
        "app_name": "wagtailcore",
        "object_id": ids["page"],
        "action": "move",
        "action_name": "approve",
        "mode": "",
    }.get(argument, 1)


def fill(route, name, ids):
    def replace(match):
        return str(value_for(match.group(2), name, ids))

    return "/" + ARGUMENT.sub(replace, route).replace("//", "/")


def requests_for(ids):
    """(label, url) for every admin route with an argument naming an object."""
    for route, name, _namespace, arguments in admin_routes():
        if not arguments or "password_reset" in name:
            continue
        url = fill(route, name, ids)
        yield name, url
        if name == "wagtail_bulk_action":
            page, document = ids["page"], ids["document"]
            for action in ("move", "delete", "unpublish", "publish"):
                yield name, f"/admin/bulk/wagtailcore/page/{action}/?id={page}"
            for action in ("delete", "add_to_collection", "add_tags"):
                yield name, f"/admin/bulk/wagtaildocs/document/{action}/?id={document}"


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def client_for(role, all_roles, login_as):
    user = all_roles[role]
    return Client() if user is None else login_as(user)


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_route_shows_confidential_content_outside_its_audience(
    role, all_roles, confidential, login_as
):
    client = client_for(role, all_roles, login_as)
    leaks, shown = [], 0
    for audience, ids in confidential.items():
        secrets = MIA_SECRETS if audience == "mia" else DIRECTORY_SECRETS
        for name, url in requests_for(ids):
            body = body_of(client.get(url))
            found = [s for s in secrets if s in body or escape(s) in body]
            if role in AUDIENCE[audience]:
                shown += bool(found)
            elif found:
                leaks.append(f"{name} {url}: {found}")
    assert leaks == [], "\n".join(leaks)
    if role in AUDIENCE["mia"]:
        assert shown > 20  # the ids are real: the audience reads them through many routes


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_listing_shows_confidential_content_outside_its_audience(
    role, all_roles, confidential, login_as
):
    client = client_for(role, all_roles, login_as)
    leaks = []
    for route, name, _namespace, arguments in admin_routes():
        if arguments or name in {"wagtailadmin_logout", "wagtailadmin_error_test"}:
            continue
        for query in ("", "?q=interna", "?q=autonomia"):
            body = body_of(client.get(f"/{route}{query}"))
            for audience, secrets in (("mia", MIA_SECRETS), ("directory", DIRECTORY_SECRETS)):
                if role in AUDIENCE[audience]:
                    continue
                found = [s for s in secrets if s in body or escape(s) in body]
                if found:
                    leaks.append(f"{name} /{route}{query}: {found}")
    assert leaks == [], "\n".join(leaks)


def test_opening_a_confidential_page_in_the_admin_is_audited(all_roles, confidential, login_as):
    client = login_as(all_roles["operator_mia"])
    page_id = confidential["mia"]["page"]
    for url in (f"/admin/pages/{page_id}/history/", f"/admin/pages/{page_id}/revisions/"):
        before = AccessRecord.objects.count()
        client.get(url)
        record = AccessRecord.objects.latest("viewed_at")
        assert AccessRecord.objects.count() == before + 1
        assert (record.username, record.page_id) == ("operator_a", page_id)
