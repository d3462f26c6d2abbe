from django.urls import path

from uploads import views

app_name = "uploads"

urlpatterns = [
    path("", views.home, name="home"),
    path("uploads/new/", views.upload_new, name="new"),
    path("uploads/<int:pk>/", views.table_page, name="table"),
    path("uploads/<int:pk>/mapping/", views.mapping_page, name="mapping"),
    path("uploads/<int:pk>/cells/", views.edit_cell, name="edit_cell"),
    path("uploads/<int:pk>/submit/", views.submit, name="submit"),
    path("uploads/<int:pk>/progress.json", views.progress, name="progress"),
    path("uploads/<int:pk>/delivery/", views.delivery_control, name="delivery_control"),
    path("uploads/<int:pk>/error-report.csv", views.error_report, name="error_report"),
]
