"""Programme pages: /my/programme/ (aspirant), /my/mentoring/ (mentor), /agree/<token>/ (manager)."""

from django.urls import path

from learning_records.programme.views import agreement, aspirant, mentoring, mentoring_cpd

app_name = "programme"

urlpatterns = [
    path("my/programme/", aspirant.my_programme, name="my_programme"),
    path("my/programme/<int:pk>/", aspirant.dashboard, name="dashboard"),
    path("my/programme/<int:pk>/days/", aspirant.day_list, name="day_list"),
    path("my/programme/<int:pk>/days/new/", aspirant.day_create, name="day_create"),
    path("my/programme/<int:pk>/days/<int:day_pk>/edit/", aspirant.day_edit, name="day_edit"),
    path("my/programme/<int:pk>/days/<int:day_pk>/delete/", aspirant.day_delete, name="day_delete"),
    path("my/programme/<int:pk>/mentor-log/", aspirant.mentor_log, name="mentor_log"),
    path("my/programme/<int:pk>/project/", aspirant.project_edit, name="project_edit"),
    path("my/programme/<int:pk>/project/history/", aspirant.project_history, name="project_history"),
    path("my/programme/<int:pk>/project/resend/", aspirant.project_resend, name="project_resend"),
    path("my/mentoring/", mentoring.mentoring, name="mentoring"),
    path("my/mentoring/<int:pk>/", mentoring.mentee, name="mentee"),
    path("my/mentoring/<int:pk>/log/", mentoring.mentee_log, name="mentee_log"),
    path("my/mentoring/<int:pk>/log/new/", mentoring.log_create, name="log_create"),
    path("my/mentoring/<int:pk>/project/", mentoring.project_decision, name="project_decision"),
    path("my/mentoring/days/<int:day_pk>/confirm/", mentoring.day_confirm, name="day_confirm"),
    path("my/mentoring/days/<int:day_pk>/query/", mentoring.day_query, name="day_query"),
    path("my/mentoring/log/<int:entry_pk>/edit/", mentoring.log_edit, name="log_edit"),
    path("my/mentoring/log/<int:entry_pk>/delete/", mentoring.log_delete, name="log_delete"),
    path("my/mentoring/log/<int:entry_pk>/cpd/", mentoring_cpd.record_as_cpd, name="log_cpd"),
    path("agree/<str:token>/", agreement.manager_agreement, name="manager_agreement"),
]
