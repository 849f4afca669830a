"""Keeps privacy identical across languages; records availability history and document views."""

from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.documents.models import document_served
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published

from closher.security import keep_private

from .models import AccessRecord, AvailabilityChange, HousingUnitPage

_copying = ContextVar("copying_restrictions", default=False)


def restriction_signature(restriction):
    return (
        restriction.restriction_type,
        restriction.password,
        frozenset(restriction.groups.values_list("pk", flat=True)),
    )


def copy_restrictions_to_translations(page):
    """Gives every translation and alias of `page` exactly the view restrictions of `page`.

    Called once the restriction is complete: for a group restriction, after its groups
    are saved (a group restriction without groups is a form half-way through saving and
    is never copied). A page that loses its privacy in one language keeps it elsewhere
    until an editor decides: nothing is copied from a page without restrictions.
    """
    restrictions = list(page.view_restrictions.prefetch_related("groups"))
    wanted = {restriction_signature(r): r for r in restrictions}
    if not wanted or any(is_incomplete(signature) for signature in wanted):
        return
    token = _copying.set(True)
    try:
        for translation in page.get_translations():
            have = {}
            for restriction in translation.view_restrictions.prefetch_related("groups"):
                have[restriction_signature(restriction)] = restriction
            for signature, restriction in have.items():
                if signature not in wanted:
                    restriction.delete()
            for signature, restriction in wanted.items():
                if signature in have:
                    continue
                copy = PageViewRestriction.objects.create(
                    page=translation,
                    restriction_type=restriction.restriction_type,
                    password=restriction.password,
                )
                copy.groups.set(signature[2])
    finally:
        _copying.reset(token)


def is_incomplete(signature):
    restriction_type, _password, groups = signature
    return restriction_type == PageViewRestriction.GROUPS and not groups


def _schedule_copy(restriction):
    if _copying.get():
        return
    page_id = restriction.page_id

    def copy():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            copy_restrictions_to_translations(page)

    transaction.on_commit(copy)


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, **kwargs):
    """Password and login restrictions are complete when saved; group ones wait for groups."""
    if instance.restriction_type != PageViewRestriction.GROUPS:
        _schedule_copy(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, PageViewRestriction
    ):
        _schedule_copy(instance)


@receiver(page_published, sender=HousingUnitPage)
def record_availability(sender, instance, revision=None, **kwargs):
    """Each published change of free places becomes a line of the unit's history."""
    if instance.alias_of_id:
        return
    last = instance.availability_changes.first()
    if last is None or last.free_places != instance.free_places:
        AvailabilityChange.objects.create(
            unit=instance,
            free_places=instance.free_places,
            changed_at=instance.availability_updated_at,
            changed_by=getattr(revision, "user", None),
        )


@receiver(document_served)
def audit_private_document(sender, instance, request, **kwargs):
    """A private document passed every check: record the view, mark the response private."""
    if instance.collection.get_view_restrictions():
        AccessRecord.record(request.user, document=instance)
        keep_private(request)
