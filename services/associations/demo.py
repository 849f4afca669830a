"""Demo associations of the network.

Names and roles come from the source projects; phone numbers and email addresses
are invented (reserved example numbers and example.org), so the pages are marked
as example data.
"""

from home.demo import get_or_create_child, paragraphs
from home.translation import Glossary

from .models import AssociationIndexPage, AssociationPage, AssociationPhone

T = Glossary()

ENTRY_POINT_TEXTS = {
    "associazioni": T(
        "Le associazioni della rete e come contattarle.",
        "The network's associations and how to contact them.",
    ),
}

ASSOCIATIONS = [
    {
        "slug": "mondodonna",
        "title": "MondoDonna Onlus",
        "legal_name": "Associazione MondoDonna Onlus",
        "based_in": "Bologna",
        "summary": T(
            "Capofila del progetto Clos(H)er: accoglienza e sostegno a donne native e "
            "migranti, madri, bambine e bambini.",
            "Lead partner of the Clos(H)er project: shelter and support for native and migrant "
            "women, mothers and children.",
        ),
        "description": paragraphs(
            T(
                "Promuove gli sportelli di prossimità nei comuni periferici della Città "
                "Metropolitana di Bologna, con un approccio interculturale.",
                "It runs the proximity help desks in the outlying municipalities of the "
                "Metropolitan City of Bologna, with an intercultural approach.",
            )
        ),
        "phone": "+39 051 000 0001",
        "email": "mondodonna@example.org",
    },
    {
        "slug": "perledonne",
        "title": "PerLeDonne",
        "legal_name": "Associazione PerLeDonne",
        "based_in": "Imola",
        "summary": T(
            "Partner di Clos(H)er: ascolto e accompagnamento delle donne che subiscono violenza.",
            "Clos(H)er partner: listening to and supporting women who experience violence.",
        ),
        "description": "",
        "phone": "+39 0542 000 002",
        "email": "perledonne@example.org",
    },
    {
        "slug": "sos-donna",
        "title": "S.O.S. Donna",
        "legal_name": "Associazione S.O.S. Donna",
        "based_in": "Bologna",
        "summary": T(
            "Partner di Clos(H)er: sostegno e orientamento per donne in difficoltà.",
            "Clos(H)er partner: support and guidance for women in difficulty.",
        ),
        "description": "",
        "phone": "+39 051 000 0003",
        "email": "sosdonna@example.org",
    },
    {
        "slug": "isola-che-ce",
        "title": "L'isola che c'è",
        "legal_name": "Associazione L'isola che c'è",
        "based_in": "Bologna",
        "summary": T(
            "Partner di Clos(H)er: gruppi di sostegno e laboratori per le donne della rete.",
            "Clos(H)er partner: support groups and workshops for the women of the network.",
        ),
        "description": "",
        "phone": "+39 051 000 0004",
        "email": "isola@example.org",
    },
    {
        "slug": "mia",
        "title": "M.I.A. Movimento Incontro Ascolto",
        "legal_name": "M.I.A. Movimento Incontro Ascolto ODV",
        "based_in": "Casalmaggiore",
        "founded_year": 2013,
        "summary": T(
            "Gestisce dal 2013 il centro antiviolenza di Casalmaggiore e il progetto "
            "«In rete per l'autonomia».",
            "Has run the Casalmaggiore anti-violence centre since 2013 and the project "
            "“Networking for autonomy”.",
        ),
        "description": paragraphs(
            T(
                "Psicologhe, consulenti, mediatrici linguistico-culturali e accompagnamento "
                "al lavoro per le donne che escono dalla violenza.",
                "Psychologists, counsellors, linguistic and cultural mediators and job "
                "placement support for women leaving violence.",
            )
        ),
        "phone": "+39 0375 000 005",
        "email": "mia@example.org",
    },
]


def load(home):
    """The association index and the five associations of the network, in Italian."""
    index, _ = get_or_create_child(
        home,
        AssociationIndexPage,
        "associazioni",
        title=T("Associazioni", "Associations"),
        intro=T(
            "Le associazioni che formano la rete, ognuna con i suoi servizi e i suoi contatti.",
            "The associations that make up the network, each with its services and contacts.",
        ),
    )
    pages = [index]
    for data in ASSOCIATIONS:
        T(data["title"], data["title"])  # a proper name reads the same in English
        fields = {key: value for key, value in data.items() if key not in {"slug", "phone"}}
        page, _ = get_or_create_child(
            index,
            AssociationPage,
            data["slug"],
            example_data=True,
            phones=[AssociationPhone(number=data["phone"])],
            **fields,
        )
        pages.append(page)
    return pages
