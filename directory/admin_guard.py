"""Every admin route that names a page, revision, document or collection asks the policy first.

Wagtail's admin has dozens of views that take an object's id in their URL: edit, preview,
history, usage, revisions, compare, workflow history, translations, the admin API,
choosers, bulk actions. Instead of guarding them one by one, `AdminAccessGuard` reads the
resolved URL's arguments, finds the object each names (`NAMED_BY`), and answers 404
when the access policy (access.py) says the user may not see it, before the view runs.
When it lets a member of the audience open a confidential page or document, the view
is recorded in the audit trail.

`NOT_CONFIDENTIAL` lists the arguments that never name confidential content. A test
enumerates every admin URL pattern and fails on an argument in neither list, so a view
added by a Wagtail upgrade is classified before it ships.
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import Translation, TranslationSource

from .access import (
    is_confidential,
    may_see_collection,
    may_see_document,
    may_see_page,
    private_collections,
)
from .models import AccessRecord


def _get(model, pk):
    return model.objects.filter(pk=pk).first()


def _revision(pk):
    revision = _get(Revision, pk)
    return revision and revision.content_object


def _translation(pk):
    translation = Translation.objects.filter(pk=pk).select_related("source").first()
    return translation and translation.source.get_source_instance()


def _translation_source(pk):
    source = _get(TranslationSource, pk)
    return source and source.get_source_instance()


def _workflow_state(pk):
    state = _get(WorkflowState, pk)
    return state and state.content_object


def _task_state(pk):
    state = TaskState.objects.filter(pk=pk).select_related("revision").first()
    return state and state.revision and state.revision.content_object


PAGE = partial(_get, Page)
DOCUMENT = partial(_get, get_document_model())
COLLECTION = partial(_get, Collection)
GENERIC = "generic"  # editing sessions: app_label, model_name and object_id name the object

MAX_ID = 2**63 - 1  # the largest id a database column holds

# URL argument -> the object it names.
NAMED_BY = {
    "page_id": PAGE,
    "parent_page_id": PAGE,
    "page_to_move_id": PAGE,
    "destination_id": PAGE,
    "page_pk": PAGE,
    "revision_id": _revision,
    "doc_id": DOCUMENT,
    "document_id": DOCUMENT,
    "collection_id": COLLECTION,
    "translation_id": _translation,
    "translation_source_id": _translation_source,
    "workflow_state_id": _workflow_state,
    "task_state_id": _task_state,
}

# `pk` (and `object_id`) name whatever the URL's namespace manages.
PK_BY_NAMESPACE = {
    "wagtailadmin_api:pages": PAGE,
    "wagtailadmin_api:documents": DOCUMENT,
    "wagtaildocs_chooser": DOCUMENT,
    "wagtailadmin_collections": COLLECTION,
    "services_inbox": None,  # a message inside an inbox: the inbox views decide (below)
}

# Arguments that never name confidential content: images (no privacy in Wagtail), users,
# groups, sites, locales, redirects, workflows and tasks (definitions, not content),
# snippets, settings, one's own uploads and editing sessions, and non-id path parts.
NOT_CONFIDENTIAL = {
    # The inbox views ask services.contact.access themselves and answer 403 or 400.
    "association_id",
    "image_id",
    "uploaded_file_id",
    "session_id",
    "task_id",
    "redirect_id",
    "string_segment_id",
    "overridable_segment_id",
    "workflow_pk",
    "uidb64",
    "token",
    "action",
    "action_name",
    "mode",
    "filter_spec",
    "app_label",
    "model_name",
    "app_name",
    "content_type_app_name",
    "content_type_model_name",
}
PK_NOT_CONFIDENTIAL = (
    "wagtailadmin_api:images",
    "wagtailimages",
    "wagtailimages_chooser",
    "wagtailusers_users",
    "wagtailusers_groups",
    "wagtailsites",
    "wagtaillocales",
    "wagtailredirects",
    "wagtailadmin_workflows",
    "wagtailsettings",
    "wagtailsnippets_",
    "wagtailsnippetchoosers_",
    "wagtail_localize",
)


def finder_for(namespace, argument):
    """How to find the object a URL argument names; None when it names nothing confidential.

    Raises LookupError for an argument nobody has classified.
    """
    if argument in NAMED_BY:
        return NAMED_BY[argument]
    if argument in NOT_CONFIDENTIAL:
        return None
    if argument in {"pk", "object_id"}:
        if namespace in PK_BY_NAMESPACE:
            return PK_BY_NAMESPACE[namespace]
        if namespace.startswith(PK_NOT_CONFIDENTIAL):
            return None
        if namespace == "wagtailadmin_editing_sessions":
            return GENERIC
    raise LookupError(f"{namespace or '(no namespace)'}: unclassified URL argument {argument!r}")


def _generic_object(kwargs, pk):
    content_type = ContentType.objects.filter(
        app_label=kwargs.get("app_label"), model=kwargs.get("model_name")
    ).first()
    model = content_type and content_type.model_class()
    return model and model._default_manager.filter(pk=pk).first()


def may_see(user, obj):
    """The policy's answer for any object an admin route can name."""
    if isinstance(obj, Page):
        return may_see_page(user, obj)
    if isinstance(obj, get_document_model()):
        return may_see_document(user, obj)
    if isinstance(obj, Collection):
        return may_see_collection(user, obj)
    return True


def named_objects(match):
    """Every object the resolved admin URL names (ignoring ids that match nothing)."""
    namespace = match.namespace
    for argument, value in match.kwargs.items():
        try:
            finder = finder_for(namespace, argument)
        except LookupError:
            continue
        if finder is None:
            continue
        if finder == GENERIC:
            finder = partial(_generic_object, match.kwargs)
        obj = finder(parse_id(value, argument))
        if obj is not None:
            yield obj


def bulk_action_objects(request, match):
    """The pages or documents a bulk action would act on (ids in the query string)."""
    model = {"wagtailcore/page": Page, "wagtaildocs/document": get_document_model()}.get(
        f"{match.kwargs.get('app_label')}/{match.kwargs.get('model_name')}"
    )
    if model is None:
        return []
    ids = request.GET.getlist("id")
    if "all" in ids:
        if model is not Page:
            return []  # "all" documents: Wagtail asks the narrowed document policy
        parent = Page.objects.filter(pk=_id_or_zero(request.GET.get("childOf"))).first()
        if parent is None:
            return []
        return parent.get_descendants() if request.GET.get("q") else parent.get_children()
    return model.objects.filter(pk__in=[parse_id(pk, "id") for pk in ids])


def parse_id(value, name):
    """An id from a URL: not a number is a 404, a number no column holds a 400."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk <= MAX_ID:
        raise BadRequest(f"{name} is not a valid id.")
    return pk


def _id_or_zero(value):
    return int(value) if value and value.isdigit() and int(value) <= MAX_ID else 0


def _audit(request, obj):
    if request.method != "GET":
        return
    if isinstance(obj, Page) and is_confidential(obj):
        AccessRecord.record(request.user, page=obj)
    elif (
        isinstance(obj, get_document_model())
        and private_collections().filter(pk=obj.collection_id).exists()
    ):
        AccessRecord.record(request.user, document=obj)


def loosens_collection(request, match):
    """A POST that would make a private collection, or one below it, public."""
    if request.method != "POST" or match.namespace != "wagtailadmin_collections":
        return False
    collection = _get(Collection, match.kwargs.get("collection_id") or match.kwargs.get("pk"))
    if collection is None or not private_collections().filter(pk=collection.pk).exists():
        return False
    if match.url_name == "set_privacy":
        return request.POST.get("restriction_type") != BaseViewRestriction.GROUPS
    if match.url_name == "edit" and "parent" in request.POST:
        parent = _get(Collection, _id_or_zero(request.POST.get("parent")))
        restricted = CollectionViewRestriction.objects.filter(
            collection__in=collection.get_ancestors(inclusive=True)
        ).values_list("collection__path", flat=True)
        return parent is None or not any(parent.path.startswith(path) for path in restricted)
    return False


class AdminAccessGuard:
    """Refuses (404) any admin route naming an object outside the user's audience."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not request.path.startswith("/admin/") or not request.user.is_authenticated:
            return None
        objects = list(named_objects(match))
        if match.view_name == "wagtail_bulk_action":
            objects.extend(bulk_action_objects(request, match))
        for obj in objects:
            if not may_see(request.user, obj):
                raise Http404
        if loosens_collection(request, match):
            return HttpResponseForbidden(
                _("A private collection keeps its privacy: ask a network administrator.")
            )
        for obj in objects:
            _audit(request, obj)
        return None
