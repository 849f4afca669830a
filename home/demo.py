"""Demo content from the two source projects: home page, about page and project pages.

Facts about the projects are real (from the projects' own descriptions); anything
invented is on pages marked as example data.
"""

import uuid
from decimal import Decimal

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .models import HomePage, ProjectIndexPage, ProjectOrganisation, ProjectPage, StandardPage
from .translation import Glossary

T = Glossary()


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def list_items(*values):
    """ListBlock items in Wagtail's block format, with the ids wagtail-localize needs."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def get_or_create_child(parent, model, slug, **fields):
    """The child page with this slug, created and published if it is missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def home_page():
    """The Italian home page, created (replacing Wagtail's welcome page) if missing."""
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        # Wagtail's "Welcome" page, and its copies in the other locales.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            welcome.delete()
        home = HomePage(
            title=T("Rete Clos(H)er", "Clos(H)er Network"),
            slug="home",
            locale=locale,
            intro=T(
                "Una rete di associazioni contro la violenza sulle donne nei territori di "
                "Bologna e Cremona. Ascoltiamo, accogliamo e accompagniamo donne italiane e "
                "migranti, madri, bambine e bambini verso una vita libera dalla violenza. "
                "I nostri servizi sono gratuiti e riservati.",
                "A network of associations against violence towards women in the areas of "
                "Bologna and Cremona. We listen to, welcome and support Italian and migrant "
                "women, mothers and children towards a life free from violence. Our services "
                "are free and confidential.",
            ),
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Clos(H)er",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def about_page(home):
    page, _ = get_or_create_child(
        home,
        StandardPage,
        "chi-siamo",
        title=T("Chi siamo", "About us"),
        intro=T(
            "Associazioni diverse, un solo impegno: nessuna donna deve restare sola davanti "
            "alla violenza.",
            "Different associations, one commitment: no woman should face violence alone.",
        ),
        body=[
            block("heading", T("Cosa facciamo", "What we do")),
            block(
                "paragraph",
                paragraphs(
                    T(
                        "Gestiamo centri antiviolenza e sportelli di prossimità, gruppi di "
                        "sostegno e laboratori, e alloggi per donne che lasciano una "
                        "situazione di violenza.",
                        "We run anti-violence centres and proximity help desks, support groups "
                        "and workshops, and housing for women leaving a violent situation.",
                    ),
                    T(
                        "Lavoriamo con un approccio interculturale, con mediatrici "
                        "linguistico-culturali, in rete con i servizi sociali e sanitari del "
                        "territorio.",
                        "We work with an intercultural approach, with linguistic and cultural "
                        "mediators, together with local social and health services.",
                    ),
                ),
            ),
            block(
                "callout",
                {
                    "tone": "urgent",
                    "title": T("Sei in pericolo adesso?", "Are you in danger right now?"),
                    "text": paragraphs(
                        T(
                            "Chiama il 112. Per parlare con un'operatrice, giorno e notte, "
                            "chiama il 1522: è gratuito.",
                            "Call 112. To talk to a counsellor, day or night, call 1522: "
                            "it is free.",
                        )
                    ),
                },
            ),
            block(
                "accordion",
                {
                    "questions": list_items(
                        {
                            "question": T("Quanto costa?", "How much does it cost?"),
                            "answer": paragraphs(
                                T(
                                    "Niente: tutti i servizi sono gratuiti.",
                                    "Nothing: all services are free.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Devo denunciare per essere aiutata?",
                                "Do I have to report to the police to get help?",
                            ),
                            "answer": paragraphs(
                                T(
                                    "No. Puoi chiedere ascolto e consiglio senza denunciare. "
                                    "Decidi tu, con i tuoi tempi.",
                                    "No. You can ask for support and advice without reporting. "
                                    "You decide, in your own time.",
                                )
                            ),
                        },
                        {
                            "question": T(
                                "Non parlo bene l'italiano.", "I do not speak Italian well."
                            ),
                            "answer": paragraphs(
                                T(
                                    "Lavoriamo con mediatrici linguistico-culturali. Il 1522 "
                                    "risponde in molte lingue.",
                                    "We work with linguistic and cultural mediators. 1522 "
                                    "answers in many languages.",
                                )
                            ),
                        },
                    )
                },
            ),
        ],
    )
    return page


PROJECTS = [
    {
        "slug": "closher",
        "title": T(
            "Clos(H)er – Strategie di prossimità per il contrasto alla violenza di genere",
            "Clos(H)er – Proximity strategies against gender-based violence",
        ),
        "summary": T(
            "Sportelli di prossimità nei comuni periferici della Città Metropolitana di "
            "Bologna, per donne native e migranti, madri, bambine e bambini.",
            "Proximity help desks in the outlying municipalities of the Metropolitan City of "
            "Bologna, for native and migrant women, mothers and children.",
        ),
        "place": T(
            "Comuni periferici della Città Metropolitana di Bologna",
            "Outlying municipalities of the Metropolitan City of Bologna",
        ),
        "start_year": 2019,
        "end_year": 2020,
        "beneficiaries": T(
            "Donne native e migranti, madri, bambine e bambini, compresi i minori che "
            "assistono alla violenza.",
            "Native and migrant women, mothers and children, including children who witness "
            "violence.",
        ),
        "budget": None,
        "organisations": [
            ("Associazione MondoDonna Onlus", ProjectOrganisation.Role.PROMOTER),
            ("PerLeDonne", ProjectOrganisation.Role.PARTNER),
            ("S.O.S. Donna", ProjectOrganisation.Role.PARTNER),
            ("L'isola che c'è", ProjectOrganisation.Role.PARTNER),
            ("Fondazione del Monte", ProjectOrganisation.Role.FUNDER),
        ],
        "body": [
            block("heading", T("Presidi di prossimità", "Proximity help desks")),
            block(
                "paragraph",
                paragraphs(
                    T(
                        "Il progetto porta gli sportelli di ascolto vicino a dove le donne "
                        "vivono, nei comuni periferici dove i servizi sono più lontani.",
                        "The project brings listening desks close to where women live, in "
                        "outlying municipalities where services are further away.",
                    ),
                    T(
                        "Per i casi complessi, come la migrazione forzata o le situazioni "
                        "familiari ad alto rischio, offre una consulenza specialistica "
                        "multidimensionale.",
                        "For complex cases, such as forced migration or high-risk family "
                        "situations, it offers specialist multidimensional counselling.",
                    ),
                ),
            ),
            block("heading", T("Una rete di sostegno tra donne", "A support network of women")),
            block(
                "paragraph",
                paragraphs(
                    T(
                        "Laboratori di empowerment: mindfulness, assertività, musicoterapia e "
                        "coaching di orientamento al lavoro, con un approccio interculturale.",
                        "Empowerment workshops: mindfulness, assertiveness, music therapy and "
                        "job-orientation coaching, with an intercultural approach.",
                    )
                ),
            ),
        ],
    },
    {
        "slug": "in-rete-per-autonomia",
        "title": T("In rete per l'autonomia", "Networking for autonomy"),
        "summary": T(
            "Quattro alloggi intorno a una corte comune per donne sole o con figli che escono "
            "dalla violenza, a Casalmaggiore.",
            "Four flats around a shared courtyard for women on their own or with children who "
            "are leaving violence, in Casalmaggiore.",
        ),
        "place": T(
            "Casalmaggiore e comuni limitrofi (provincia di Cremona)",
            "Casalmaggiore and nearby municipalities (province of Cremona)",
        ),
        "start_year": 2022,
        "end_year": 2024,
        "beneficiaries": T(
            "Donne e nuclei madre-bambino che escono da una situazione di violenza.",
            "Women and mother-and-child households leaving a situation of violence.",
        ),
        "budget": Decimal("29500"),
        "organisations": [
            ("M.I.A. Movimento Incontro Ascolto ODV", ProjectOrganisation.Role.PROMOTER),
            ("Comune di Casalmaggiore", ProjectOrganisation.Role.PARTNER),
            ("Fondazione Marcegaglia", ProjectOrganisation.Role.SUPPORTER),
        ],
        "body": [
            block("heading", T("Alloggi per l'autonomia", "Housing for autonomy")),
            block(
                "paragraph",
                paragraphs(
                    T(
                        "Quattro unità abitative intorno a una corte condivisa accolgono donne "
                        "sole o con figlie e figli nel percorso di uscita dalla violenza.",
                        "Four housing units around a shared courtyard welcome women on their own "
                        "or with their children on their way out of violence.",
                    ),
                    T(
                        "Una coordinatrice tutor accompagna le donne; un gruppo di regia dei "
                        "servizi del territorio segue i percorsi.",
                        "A coordinator and tutor supports the women; a steering group of local "
                        "services follows each pathway.",
                    ),
                ),
            ),
            block("heading", T("Il centro antiviolenza", "The anti-violence centre")),
            block(
                "paragraph",
                paragraphs(
                    T(
                        "Dal 2013 M.I.A. Movimento Incontro Ascolto ODV gestisce il centro "
                        "antiviolenza, con psicologhe, consulenti, mediatrici "
                        "linguistico-culturali e accompagnamento al lavoro.",
                        "Since 2013 M.I.A. Movimento Incontro Ascolto ODV has run the "
                        "anti-violence centre, with psychologists, counsellors, linguistic and "
                        "cultural mediators and job placement support.",
                    )
                ),
            ),
        ],
    },
]


def projects(home):
    index, _ = get_or_create_child(
        home,
        ProjectIndexPage,
        "progetti",
        title=T("Progetti", "Projects"),
        intro=T(
            "I progetti con cui la rete è nata e cresce.",
            "The projects the network was born from and grows with.",
        ),
    )
    pages = []
    for data in PROJECTS:
        fields = {key: value for key, value in data.items() if key not in {"slug", "organisations"}}
        fields["organisations"] = [
            ProjectOrganisation(name=name, role=role) for name, role in data["organisations"]
        ]
        page, _ = get_or_create_child(index, ProjectPage, data["slug"], **fields)
        pages.append(page)
    return index, pages


ENTRY_POINT_TEXTS = {
    "chi-siamo": T("Chi siamo e come lavoriamo.", "Who we are and how we work."),
    "progetti": T("I progetti della rete.", "The network's projects."),
}


def set_entry_points(home, sections, texts):
    """Add a home-page card for each section that has none yet, in the given order."""
    linked = {entry.value["page"].pk for entry in home.entry_points if entry.value["page"]}
    missing = [page for page in sections if page.pk not in linked and page.slug in texts]
    if not missing:
        return
    for page in missing:
        home.entry_points.append(("entry_point", {"page": page, "text": texts[page.slug]}))
    home.save_revision().publish()


def load(home):
    """The about page, the project index and the two projects, in Italian."""
    about = about_page(home)
    index, project_pages = projects(home)
    return [about, index, *project_pages]
