from django.urls import path

from . import views

app_name = "engagement"
urlpatterns = [
    path("calls/", views.call_list, name="calls"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/submit/", views.idea_submit, name="submit"),
    path("calls/ideas/<int:pk>/", views.idea_detail, name="idea"),
    path("calls/ideas/<int:pk>/support/", views.idea_support, name="support"),
    path("calls/ideas/<int:pk>/follow/", views.idea_follow, name="follow"),
    path("calls/ideas/<int:pk>/comments/", views.idea_comment, name="comment"),
    path("calls/ideas/<int:pk>/report/", views.report, name="report"),
    path("calls/ideas/<int:pk>/comments/<int:comment_pk>/report/", views.report, name="report_comment"),
    path("my-ideas/", views.my_ideas, name="my_ideas"),
    path("challenges/<int:pk>/call/", views.call_publish, name="publish"),
    path("challenges/<int:pk>/call/close/", views.call_close, name="close"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/<str:kind>/<int:pk>/", views.moderate, name="moderate"),
    path("moderation/people/<int:user_pk>/block/", views.block, name="block"),
]
