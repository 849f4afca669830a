import factory
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.synctree import synchronize_tree

from directory.demo import DIRECTORY_DEMO
from directory.skeleton import DIRECTORY
from home.locales import ensure_locales
from home.models import HomePage
from home.skeleton import home_page, set_site
from services.associations.demo import ASSOCIATIONS_DEMO, association_page
from services.associations.roles import setup_association_roles
from services.associations.skeleton import ASSOCIATIONS
from services.models import AssociationPage

from ..saved_rows import load_rows, save_rows


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a long test password")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        self.save()
        for name in names or ():
            self.groups.add(Group.objects.get(name=name))


def operators_of(slug):
    association = AssociationPage.objects.get(slug=slug, locale__language_code="it")
    return f"Operators – {association.title}"


def build_directory_demo():
    ensure_locales()
    home = home_page("Rete Clos(H)er")
    set_site(home, "Rete Clos(H)er")
    [index] = ASSOCIATIONS.build(home, ASSOCIATIONS.data)
    associations = [
        association_page(index, record)
        for record in ASSOCIATIONS_DEMO.data["associations"]
        if record["slug"] in {"mia", "mondodonna"}
    ]
    DIRECTORY.build(home, DIRECTORY.data)
    DIRECTORY_DEMO.build(home, DIRECTORY_DEMO.data)
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for locale in Locale.objects.exclude(pk=source.pk):
        synchronize_tree(source, locale)
    for association in associations:
        setup_association_roles(association)


@pytest.fixture(scope="session")
def directory_dump(django_db_setup, django_db_blocker):
    return save_rows(django_db_blocker, build_directory_demo)


@pytest.fixture
def directory_demo(db, directory_dump):
    """The part of the demo the directory needs: home, two associations, the directory.

    Built as load_demo builds it (Italian pages, aliases in the other languages), but
    without the rest of the site, so each test starts quickly.
    """
    load_rows(directory_dump)
    return HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture
def partner_a(directory_demo):
    """Staff of M.I.A. who edit their association's pages but are not operators."""
    group = Group.objects.create(name="Partner editors – M.I.A.")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=AssociationPage.objects.get(slug="mia", locale__language_code="it"),
        permission=Permission.objects.get(codename="change_page"),
    )
    return UserFactory(username="partner_a", groups=[group.name])


@pytest.fixture
def roles(directory_demo, partner_a):
    """Every kind of account of the authorisation matrix (no account: None)."""
    return {
        "anonymous": None,
        "visitor": None,
        "partner_a": partner_a,
        "operator_a": UserFactory(username="operator_a", groups=[operators_of("mia")]),
        "operator_b": UserFactory(username="operator_b", groups=[operators_of("mondodonna")]),
        "editor": UserFactory(username="editor", groups=["Editors"]),
        "admin": UserFactory(username="boss", is_superuser=True, is_staff=True),
    }
