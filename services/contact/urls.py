"""Admin URLs of the secure inbox (mounted under /admin/inbox/ by wagtail_hooks)."""

from django.urls import path

from . import admin_views

app_name = "services_inbox"

urlpatterns = [
    path("", admin_views.inbox_index, name="index"),
    path("<int:association_id>/", admin_views.message_list, name="list"),
    path("<int:association_id>/keys/", admin_views.key_list, name="keys"),
    path("<int:association_id>/<int:pk>/", admin_views.message_detail, name="detail"),
    path("<int:association_id>/<int:pk>/action/", admin_views.message_action, name="action"),
]
