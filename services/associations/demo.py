"""Demo associations of the network, from demo.toml beside this module."""

from pathlib import Path

from home.demo_toolkit import DemoData, DemoPart, get_or_create_child

from .models import AssociationIndexPage, AssociationPage, AssociationPhone

DATA = DemoData(Path(__file__).with_name("demo.toml"))


def association_page(index, record, data=DATA):
    """The page of one association of the data file, below the association index."""
    page, _ = get_or_create_child(
        index,
        AssociationPage,
        record["slug"],
        example_data=True,
        phones=[AssociationPhone(number=record["phone"])],
        **data.texts(record, "title", "summary"),
        legal_name=record["legal_name"],
        based_in=record["based_in"],
        description=data.paragraphs(record["description"]),
        email=record["email"],
        founded_year=record.get("founded_year"),
    )
    return page


def build(home, data):
    """The association index and the five associations of the network, in Italian."""
    spec = data["index"]
    index, _ = get_or_create_child(
        home, AssociationIndexPage, spec["slug"], **data.texts(spec, "title", "intro")
    )
    return [index, *(association_page(index, record, data) for record in data["associations"])]


ASSOCIATIONS_DEMO = DemoPart(data=DATA, build=build)
