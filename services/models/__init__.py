from .association import AssociationIndexPage, AssociationPage, AssociationPhone

__all__ = ["AssociationIndexPage", "AssociationPage", "AssociationPhone"]
