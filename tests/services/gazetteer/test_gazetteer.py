"""The offline gazetteer: names, aliases of merged comuni, CAPs and ambiguous names."""

import pytest

from services import gazetteer


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Porretta Terme", "Alto Reno Terme"),
        ("40046", "Alto Reno Terme"),
        ("Granaglione", "Alto Reno Terme"),
        ("s. lazzaro di savena", "San Lazzaro di Savena"),
        ("SAN LAZZARO DI SAVENA", "San Lazzaro di Savena"),
        ("sant agata bolognese", "Sant'Agata Bolognese"),
        ("S. Agata Bolognese", "Sant'Agata Bolognese"),
        ("forli", "Forlì"),
        ("Castro (LE)", "Castro"),
        ("Bozen", "Bolzano"),
        ("  budrio ", "Budrio"),
    ],
)
def test_lookup_finds_the_comune(text, name):
    assert gazetteer.lookup(text).comune.name == name


@pytest.mark.parametrize(
    "former", ["Bazzano", "Crespellano", "Monteveglio", "Savigno", "Castello di Serravalle"]
)
def test_the_five_former_comuni_are_valsamoggia(former):
    comune = gazetteer.lookup(former).comune
    assert (comune.name, comune.istat_code, comune.province) == ("Valsamoggia", "037061", "BO")


def test_castro_offers_bergamo_and_lecce():
    result = gazetteer.lookup("Castro")
    assert result.comune is None
    assert [(c.name, c.province) for c in result.candidates] == [("Castro", "BG"), ("Castro", "LE")]


@pytest.mark.parametrize("name", ["Samone", "Livo", "Peglio", "Calliano", "San Teodoro"])
def test_shared_names_list_candidates_with_province(name):
    result = gazetteer.lookup(name)
    assert result.ambiguous
    assert len({c.province for c in result.candidates}) == 2


def test_unknown_place_has_no_comune_and_no_candidates():
    result = gazetteer.lookup("Atlantide")
    assert result.comune is None
    assert result.candidates == []


def test_every_comune_has_a_point_in_italy_and_the_data_file_is_small():
    data = gazetteer.data()
    assert len(data.comuni) > 7800
    for comune in data.comuni:
        assert 35.4 < comune.latitude < 47.1 and 6.6 < comune.longitude < 18.6, comune
    budrio = gazetteer.lookup("Budrio").comune
    assert (budrio.istat_code, budrio.caps) == ("037008", ("40054",))
    assert gazetteer.DATA_FILE.stat().st_size < 300_000
