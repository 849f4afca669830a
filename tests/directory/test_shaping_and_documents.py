"""Only operators shape the directory; private documents stay private; privacy reaches
every language once its groups are saved. All through the real admin views."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from .conftest import UserFactory, operators_of


def it_page(slug):
    return Page.objects.get(slug=slug, locale__language_code="it")


def refused(response, hidden_text="Alloggio"):
    return response.status_code in {302, 403, 404} and hidden_text not in response.content.decode()


@pytest.fixture
def outsider(roles, request):
    if request.param == "moderator":
        return UserFactory(username="moderator", groups=["Moderators"])
    return roles[request.param]


@pytest.mark.parametrize("outsider", ["moderator", "editor"], indirect=True)
def test_outsiders_cannot_create_publish_move_copy_or_open_privacy_in_the_directory(
    outsider, login_as
):
    client = login_as(outsider)
    index, unit = it_page("riservato"), it_page("casalmaggiore-alloggio-4")
    associations = it_page("associazioni")
    pages_before = Page.objects.count()

    add = f"/admin/pages/add/directory/referralcontactpage/{index.pk}/"
    assert refused(client.get(add))
    fake = {"title": "Referente (falso)", "slug": "falso", "phone": "333 0000000"}
    assert refused(client.post(add, {**fake, "action-publish": "publish"}))
    assert Page.objects.count() == pages_before

    edit = f"/admin/pages/{unit.pk}/edit/"
    assert refused(client.post(edit, {"title": "Cambiato", "action-publish": "publish"}))
    assert it_page("casalmaggiore-alloggio-4").title == unit.title

    assert refused(client.get(f"/admin/pages/{unit.pk}/privacy/"))
    assert refused(client.post(f"/admin/pages/{index.pk}/privacy/", {"restriction_type": "none"}))
    assert PageViewRestriction.objects.filter(page=index).exists()

    assert refused(client.get(f"/admin/pages/{unit.pk}/move/"))
    assert refused(client.post(f"/admin/pages/{associations.pk}/move/{index.pk}/confirm/"))
    assert it_page("associazioni").get_parent().pk == associations.get_parent().pk

    assert refused(client.post(f"/admin/pages/{unit.pk}/copy/", {"new_title": "Copia"}))
    assert Page.objects.count() == pages_before


def test_nobody_moves_a_resource_out_from_under_the_directory_privacy(roles, login_as):
    client = login_as(roles["admin"])
    unit, home = it_page("casalmaggiore-alloggio-4"), it_page("home")
    client.post(f"/admin/pages/{unit.pk}/move/{home.pk}/confirm/")
    assert it_page("casalmaggiore-alloggio-4").get_parent().slug == "riservato"


def test_privacy_set_in_the_admin_reaches_every_language_with_its_groups(
    roles, login_as, django_capture_on_commit_callbacks
):
    client = login_as(roles["admin"])
    associations = it_page("associazioni")
    group = Group.objects.get(name=operators_of("mia"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{associations.pk}/privacy/",
            {"restriction_type": "groups", "groups": [group.pk]},
        )
    assert response.status_code == 200
    translations = Page.objects.filter(translation_key=associations.translation_key)
    assert translations.count() == 6
    for page in translations:
        restrictions = PageViewRestriction.objects.filter(page=page)
        assert [set(r.groups.values_list("name", flat=True)) for r in restrictions] == [
            {group.name}
        ], page.locale.language_code


def mia_document():
    return get_document_model().objects.get(title="Procedura ingressi M.I.A. (esempio)")


def test_a_private_document_cannot_be_made_public_by_any_admin_action(roles, login_as):
    client = login_as(roles["admin"])
    document = mia_document()
    private = document.collection
    root = Collection.get_first_root_node()

    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": document.title, "collection": root.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["collection"]  # said in her admin language
    assert mia_document().collection_id == private.pk

    client.post(
        f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={document.pk}",
        {"collection": root.pk},
    )
    assert mia_document().collection_id == private.pk

    response = client.post(
        f"/admin/collections/{private.pk}/privacy/", {"restriction_type": "none"}
    )
    assert response.status_code == 403
    assert CollectionViewRestriction.objects.filter(collection=private).exists()

    response = client.post(
        f"/admin/collections/{private.pk}/", {"name": private.name, "parent": root.pk}
    )
    assert response.status_code == 403


def test_outside_the_audience_a_private_document_is_neither_listed_nor_replaced(roles, login_as):
    client = login_as(roles["editor"])
    document = mia_document()
    listing = client.get("/admin/documents/").content.decode()
    assert document.title not in listing
    edit = f"/admin/documents/edit/{document.pk}/"
    assert refused(client.get(edit), document.title)
    assert refused(client.post(edit, {"title": "x"}), document.title)
    assert mia_document().title == document.title


def test_document_files_live_where_no_web_server_serves_them(directory_demo, client):
    document = mia_document()
    path = Path(document.file.path)
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404
