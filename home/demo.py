"""Demo content from the two source projects, from demo.toml beside this module: the
project pages (the home and about pages are the skeleton's, home/skeleton.py).

Facts about the projects are real (from the projects' own descriptions); anything
invented is on pages marked as example data.
"""

from decimal import Decimal
from pathlib import Path

from .content import ContentData, ContentPart, get_or_create_child
from .models import ProjectIndexPage, ProjectOrganisation, ProjectPage

DATA = ContentData(Path(__file__).with_name("demo.toml"))


def project_page(index, spec, data):
    budget = spec.get("budget")
    page, _ = get_or_create_child(
        index,
        ProjectPage,
        spec["slug"],
        **data.texts(spec, "title", "summary", "place", "beneficiaries"),
        start_year=spec["start_year"],
        end_year=spec["end_year"],
        budget=Decimal(budget) if budget is not None else None,
        body=data.body(spec["body"]),
        organisations=[
            ProjectOrganisation(name=organisation["name"], role=organisation["role"])
            for organisation in spec["organisations"]
        ],
    )
    return page


def build(home, data):
    """The project index and the two projects, in Italian."""
    spec = data["projects_index"]
    index, _ = get_or_create_child(
        home, ProjectIndexPage, spec["slug"], **data.texts(spec, "title", "intro")
    )
    projects = [project_page(index, project, data) for project in data["projects"]]
    return [index, *projects]


HOME_DEMO = ContentPart(data=DATA, build=build)
