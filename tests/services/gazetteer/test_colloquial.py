"""The forms people really write, across Italy: short names, other languages, provinces,
typos (issue 14, part 1). Each with the comune she means."""

import pytest

from services import gazetteer

# Found at once: (what she types, the comune's label).
FOUND = [
    ("Reggio Emilia", "Reggio nell'Emilia (RE)"),
    ("reggio emilia", "Reggio nell'Emilia (RE)"),
    ("Reggio Calabria", "Reggio di Calabria (RC)"),
    ("Castel San Pietro", "Castel San Pietro Terme (BO)"),
    ("Castel S. Pietro", "Castel San Pietro Terme (BO)"),
    ("Bologna BO", "Bologna (BO)"),
    ("Bologna (BO)", "Bologna (BO)"),
    ("Bologna, BO", "Bologna (BO)"),
    ("bologna bologna", "Bologna (BO)"),
    ("Bologna provincia di Bologna", "Bologna (BO)"),
    ("Bologna (Bologna)", "Bologna (BO)"),
    ("Aoste", "Aosta (AO)"),
    ("Bozen", "Bolzano (BZ)"),
    ("Brixen", "Bressanone (BZ)"),
    ("Meran", "Merano (BZ)"),
    ("Bruneck", "Brunico (BZ)"),
    ("Sterzing", "Vipiteno (BZ)"),
    ("s lazzaro", "San Lazzaro di Savena (BO)"),
    ("S. Lazzaro di Savena", "San Lazzaro di Savena (BO)"),
    ("Sant Agata Bolognese", "Sant'Agata Bolognese (BO)"),
    ("Santagata Bolognese", "Sant'Agata Bolognese (BO)"),
    ("Monza e Brianza", "Monza (MB)"),
    ("Monza Brianza", "Monza (MB)"),
    ("Pesaro e Urbino", "Pesaro (PU)"),
    ("Pesaro Urbino", "Pesaro (PU)"),
    ("Verbano-Cusio-Ossola", "Verbania (VB)"),
    ("Sud Sardegna", "Carbonia (SU)"),
    ("Massa-Carrara", "Massa (MS)"),
    ("Forlì-Cesena", "Forlì (FC)"),
    ("forli", "Forlì (FC)"),
    ("Laquila", "L'Aquila (AQ)"),
    ("L Aquila", "L'Aquila (AQ)"),
    ("l'aquila (aq)", "L'Aquila (AQ)"),
    ("La Spezia SP", "La Spezia (SP)"),
    ("Spezia", "La Spezia (SP)"),
    ("Montecatini", "Montecatini-Terme (PT)"),
    ("Montecatini Terme", "Montecatini-Terme (PT)"),
    ("Salsomaggiore", "Salsomaggiore Terme (PR)"),
    ("Casalecchio", "Casalecchio di Reno (BO)"),
    ("Cortina", "Cortina d'Ampezzo (BL)"),
    ("Porretta Terme", "Alto Reno Terme (BO)"),
    ("Mestre", "Venezia (VE)"),
    ("Ostia", "Roma (RM)"),
    ("San Remo", "Sanremo (IM)"),
    ("Milano Marittima", "Cervia (RA)"),
    ("Napoli NA", "Napoli (NA)"),
    ("Palermo, provincia di Palermo", "Palermo (PA)"),
    ("Torino (TO)", "Torino (TO)"),
    ("Bari bari", "Bari (BA)"),
    ("Castro LE", "Castro (LE)"),
    ("Castro, BG", "Castro (BG)"),
    ("40046", "Alto Reno Terme (BO)"),
    ("Reggio Emilia RE", "Reggio nell'Emilia (RE)"),
    ("Castel San Pietro (RM)", "Castel San Pietro Romano (RM)"),
]

# Typos: nothing is chosen for her, the comune is the first "Did you mean".
TYPOS = [
    ("Bolgna", "Bologna (BO)"),
    ("Bologan", "Bologna (BO)"),
    ("Milno", "Milano (MI)"),
    ("Mialno", "Milano (MI)"),
    ("Tornio", "Torino (TO)"),
    ("Napli", "Napoli (NA)"),
    ("Palremo", "Palermo (PA)"),
    ("Firenzze", "Firenze (FI)"),
    ("Fiernze", "Firenze (FI)"),
    ("Venzia", "Venezia (VE)"),
    ("Genvoa", "Genova (GE)"),
    ("Catnia", "Catania (CT)"),
    ("Caglairi", "Cagliari (CA)"),
    ("Perugai", "Perugia (PG)"),
    ("Anocna", "Ancona (AN)"),
    ("Pescra", "Pescara (PE)"),
    ("Reggio Emila", "Reggio nell'Emilia (RE)"),
    ("Casalechio di Reno", "Casalecchio di Reno (BO)"),
    ("Bolgna BO", "Bologna (BO)"),
]

# Names several comuni share: she chooses among them.
AMBIGUOUS = [
    ("Castro", ["Castro (BG)", "Castro (LE)"]),
    ("Samone", ["Samone (TN)", "Samone (TO)"]),
    ("Peglio", ["Peglio (CO)", "Peglio (PU)"]),
    ("Reggio", ["Reggio di Calabria (RC)", "Reggio nell'Emilia (RE)"]),
    ("Barletta-Andria-Trani", ["Andria (BT)", "Barletta (BT)", "Trani (BT)"]),
    ("Calliano", ["Calliano (TN)", "Calliano Monferrato (AT)"]),
]


def test_there_are_at_least_sixty_hand_written_forms():
    assert len(FOUND) + len(TYPOS) + len(AMBIGUOUS) >= 60


@pytest.mark.parametrize(("text", "label"), FOUND)
def test_the_form_she_writes_finds_her_comune(text, label):
    assert gazetteer.lookup(text).comune.label == label


@pytest.mark.parametrize(("text", "label"), TYPOS)
def test_a_typo_suggests_her_comune_first_and_chooses_nothing(text, label):
    found = gazetteer.lookup(text)
    assert found.comune is None
    assert found.candidates == []
    assert found.suggestions[0].label == label
    assert len(found.suggestions) <= gazetteer.MAX_SUGGESTIONS


@pytest.mark.parametrize(("text", "labels"), AMBIGUOUS)
def test_a_shared_name_lists_its_candidates(text, labels):
    found = gazetteer.lookup(text)
    assert found.comune is None
    assert [comune.label for comune in found.candidates] == labels


def test_a_place_far_from_every_name_suggests_nothing():
    assert gazetteer.lookup("Xqzwvk").suggestions == []


def test_every_colloquial_form_names_a_comune_and_says_why():
    text = gazetteer.COLLOQUIAL_FILE.read_text()
    lines = [line for line in text.splitlines() if line.startswith('"')]
    assert lines and all("#" in line for line in lines)
    for line in lines:
        form = line.split('"')[1]
        assert gazetteer.lookup(form).comune is not None, form
