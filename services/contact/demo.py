"""Demo contact page ("Scrivici") and the inbox staff group of each association.

No inbox key is created: private keys are made by each association's staff in their
own browser (admin → Secure inbox → Keys), so until then the page explains that the
association cannot receive messages online yet.
"""

from django.conf import settings

from home.demo import get_or_create_child, paragraphs
from home.translation import Glossary
from services.associations.models import AssociationPage

from .groups import setup_inbox_group
from .pages import ContactPage

T = Glossary()

ENTRY_POINT_TEXTS = {
    "scrivici": T(
        "Scrivi a un'associazione: solo lei potrà leggere il tuo messaggio.",
        "Write to an association: only they can read your message.",
    ),
}


def load(home):
    """The contact page (network default: MondoDonna) and the inbox groups."""
    associations = AssociationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for association in associations:
        setup_inbox_group(association)
    page, _ = get_or_create_child(
        home,
        ContactPage,
        "scrivici",
        title=T("Scrivici", "Write to us"),
        intro=T(
            "Scrivi a un'associazione della rete. Il tuo messaggio viene cifrato appena lo "
            "invii: possono leggerlo solo le operatrici dell'associazione che scegli.",
            "Write to an association of the network. Your message is encrypted as soon as you "
            "send it: only the staff of the association you choose can read it.",
        ),
        privacy_notice=paragraphs(
            T(
                "Non conserviamo il tuo indirizzo IP né dati sul tuo dispositivo. Il messaggio e "
                "i tuoi recapiti sono cifrati: nemmeno chi gestisce il sito può leggerli.",
                "We keep neither your IP address nor data about your device. Your message and "
                "contact details are encrypted: not even the people who run the site can read "
                "them.",
            ),
            T(
                "L'associazione cancella i messaggi dopo 90 giorni al massimo.",
                "The association deletes messages after 90 days at most.",
            ),
        ),
        next_steps=paragraphs(
            T(
                "Un'operatrice leggerà il tuo messaggio nei giorni lavorativi, di solito entro "
                "due giorni, e ti contatterà solo nel modo e negli orari che hai indicato.",
                "A staff member will read your message on working days, usually within two "
                "days, and will contact you only in the way and at the times you chose.",
            ),
            T(
                "Se hai scelto di non essere contattata, puoi chiamare quando vuoi.",
                "If you chose not to be contacted, you can call whenever you like.",
            ),
        ),
        default_association=associations.filter(slug="mondodonna").first(),
    )
    return [page]
