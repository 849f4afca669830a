"""Demo content of the protected directory: operator groups, private pages and documents.

Everything here is example data (addresses, phone numbers and availability are
invented). The directory is working material for Italian-speaking operators: it is
not translated (other languages get alias pages carrying the same privacy), and it
has no card on the home page.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.demo import get_or_create_child
from home.translation import Glossary
from services.associations.models import AssociationPage
from services.associations.partners import grant_page_permissions

from .models import DirectoryIndexPage, HousingUnitPage, ProtocolPage, ReferralContactPage

T = Glossary()
ENTRY_POINT_TEXTS = {}

NETWORK_OPERATORS = "Operators"
EDITORS = "Editors"


def operator_group_name(association):
    return f"Operators – {association.title}"


def operator_groups():
    """The network-wide operators group and one per association."""
    groups = [Group.objects.get_or_create(name=NETWORK_OPERATORS)[0]]
    associations = AssociationPage.objects.filter(
        alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE
    ).order_by("title")
    for association in associations:
        groups.append(Group.objects.get_or_create(name=operator_group_name(association))[0])
    return groups


def let_operators_edit(pages, group):
    """The association's operators keep their units' availability up to date.

    Rights are given page by page, never on the whole directory, so the admin never
    shows operators a resource outside their audience.
    """
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_page_permissions(group, pages, ("change_page", "publish_page"))


def restrict_page(page, groups):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    restriction.groups.set(groups)


def operators_moderate(directory, groups):
    """Changes below the directory are approved by its operators, never network moderators.

    The network's default workflow would send a confidential draft (title, address) to
    moderators outside the directory's audience, by dashboard and email.
    """
    task, _created = GroupApprovalTask.objects.get_or_create(name="Operators approval")
    task.groups.set(groups)
    workflow, _created = Workflow.objects.get_or_create(name="Directory: operators approve")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in directory.get_translations(inclusive=True):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def private_collection(name, groups):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(groups)
    return collection


def document(collection, title, filename, text):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    doc = Document(title=title, collection=collection)
    doc.file.save(filename, ContentFile(text.encode()), save=False)
    doc.save()
    return doc


HOUSING_UNITS = [
    (
        "casalmaggiore-alloggio-1",
        "Alloggio 1 – corte comune",
        3,
        1,
        HousingUnitPage.Accepts.MOTHERS,
    ),
    (
        "casalmaggiore-alloggio-2",
        "Alloggio 2 – corte comune",
        3,
        0,
        HousingUnitPage.Accepts.MOTHERS,
    ),
    ("casalmaggiore-alloggio-3", "Alloggio 3 – corte comune", 2, 0, HousingUnitPage.Accepts.WOMEN),
    ("casalmaggiore-alloggio-4", "Alloggio 4 – corte comune", 4, 2, HousingUnitPage.Accepts.BOTH),
]

CONTACTS = [
    {
        "slug": "pronto-soccorso-cremona",
        "title": "Pronto soccorso di Cremona – percorso dedicato",
        "sector": "health",
        "organisation": "ASST di Cremona – Pronto soccorso",
        "comune": "Cremona",
        "summary": "Percorso dedicato alle donne che subiscono violenza: accesso riservato, "
        "referente di turno, refertazione e raccordo con il centro antiviolenza.",
        "contact_person": "Referente del percorso dedicato (di turno)",
        "phone": "0372 000 000",
        "hours": "Sempre attivo",
    },
    {
        "slug": "servizi-sociali-casalmaggiore",
        "title": "Servizi sociali – Casalmaggiore",
        "sector": "social",
        "organisation": "Comune di Casalmaggiore – Servizi sociali",
        "comune": "Casalmaggiore",
        "summary": "Assistente sociale di riferimento per la presa in carico di donne e minori.",
        "contact_person": "Assistente sociale area tutela",
        "phone": "0375 000 000",
        "email": "servizisociali@example.org",
        "hours": "Lun–ven 9–13",
    },
    {
        "slug": "carabinieri-casalmaggiore",
        "title": "Carabinieri – referente violenza di genere",
        "sector": "police",
        "organisation": "Compagnia Carabinieri di Casalmaggiore",
        "comune": "Casalmaggiore",
        "summary": "Referente formato per le denunce di violenza domestica e il codice rosso.",
        "phone": "0375 000 001",
        "hours": "Lun–sab 8–20",
    },
    {
        "slug": "avvocata-gratuito-patrocinio",
        "title": "Avvocata di rete – patrocinio gratuito",
        "sector": "legal",
        "organisation": "Rete Clos(H)er – consulenza legale",
        "comune": "Bologna",
        "summary": "Prima consulenza legale e patrocinio a spese dello Stato.",
        "email": "legale@example.org",
        "hours": "Su appuntamento",
    },
    {
        "slug": "mediazione-linguistica",
        "title": "Mediazione linguistico-culturale",
        "sector": "mediation",
        "organisation": "Cooperativa di mediazione (esempio)",
        "comune": "Cremona",
        "summary": "Mediatrici per arabo, rumeno, ucraino e urdu, anche in videochiamata.",
        "phone": "0372 000 002",
        "hours": "Lun–ven 9–17",
    },
]


def load(home):
    """Builds the directory; returns no pages, so nothing is translated or put on a card."""
    groups = operator_groups()
    mia = AssociationPage.objects.filter(slug="mia", locale__language_code="it").first()
    mia_operators = Group.objects.get(name=operator_group_name(mia))
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="view_accessrecord"))

    directory, _created = get_or_create_child(
        home,
        DirectoryIndexPage,
        "riservato",
        title="Elenco riservato agli operatori",
        intro="Risorse riservate della rete: alloggi e disponibilità, contatti diretti, "
        "protocolli. Non condividere indirizzi e numeri con chi non fa parte della rete.",
        example_data=True,
        show_in_menus=False,
    )
    restrict_page(directory, groups)
    operators_moderate(directory, groups)

    units = []
    for slug, title, capacity, free, accepts in HOUSING_UNITS:
        unit, _created = get_or_create_child(
            directory,
            HousingUnitPage,
            slug,
            title=f"In rete per l'autonomia – {title}",
            accommodation_type=HousingUnitPage.AccommodationType.HOUSING,
            summary="Uno dei quattro alloggi intorno a una corte condivisa, per il percorso "
            "verso l'autonomia dopo l'uscita dalla violenza.",
            managed_by=mia,
            comune="Casalmaggiore",
            address="Indirizzo riservato (esempio): via della Corte 0, Casalmaggiore",
            accepts=accepts,
            capacity=capacity,
            free_places=free,
            example_data=True,
        )
        units.append(unit)
    let_operators_edit(units, mia_operators)
    get_or_create_child(
        directory,
        HousingUnitPage,
        "pronta-accoglienza-cremona",
        title="Pronta accoglienza notturna – Cremona",
        accommodation_type=HousingUnitPage.AccommodationType.EMERGENCY,
        summary="Posto letto per l'emergenza, anche di notte, in attesa di una collocazione.",
        comune="Cremona",
        address="Indirizzo riservato (esempio)",
        accepts=HousingUnitPage.Accepts.BOTH,
        capacity=2,
        free_places=1,
        example_data=True,
    )
    for contact in CONTACTS:
        fields = dict(contact)
        get_or_create_child(
            directory, ReferralContactPage, fields.pop("slug"), example_data=True, **fields
        )

    network_docs = private_collection("Riservato – operatori della rete", groups)
    mia_docs = private_collection("Riservato – operatori M.I.A.", [mia_operators])
    get_or_create_child(
        directory,
        ProtocolPage,
        "protocollo-di-rete",
        title="Protocollo di rete per l'accoglienza",
        summary="Chi fa cosa quando una donna chiede aiuto: primo contatto, valutazione del "
        "rischio, invio ai servizi.",
        comune="Cremona",
        document=document(
            network_docs,
            "Protocollo di rete (esempio)",
            "protocollo-di-rete.txt",
            "Protocollo di rete per l'accoglienza – documento di esempio.\n",
        ),
        example_data=True,
    )
    mia_protocol, _created = get_or_create_child(
        directory,
        ProtocolPage,
        "procedura-interna-mia",
        title="Procedura interna M.I.A. per gli ingressi negli alloggi",
        summary="Colloquio di ingresso, regolamento della corte, passaggio di consegne "
        "(parola chiave di esempio: girasole).",
        comune="Casalmaggiore",
        document=document(
            mia_docs,
            "Procedura ingressi M.I.A. (esempio)",
            "procedura-ingressi-mia.txt",
            "Procedura interna di esempio per gli ingressi negli alloggi.\n",
        ),
        example_data=True,
    )
    restrict_page(mia_protocol, [mia_operators])
    return []
