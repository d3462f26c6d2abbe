from django.urls import path

from uploads import views

app_name = "uploads"

urlpatterns = [
    path("", views.home, name="home"),
    path("uploads/new/", views.upload_new, name="new"),
    path("uploads/<int:pk>/", views.table_page, name="table"),
    path("uploads/<int:pk>/mapping/", views.mapping_page, name="mapping"),
    path("uploads/<int:pk>/mapping/reread/", views.mapping_reread, name="mapping_reread"),
    path("uploads/<int:pk>/mapping/apply/", views.mapping_apply_preset, name="mapping_apply"),
    path("uploads/<int:pk>/mapping/save/", views.mapping_save_preset, name="mapping_save"),
    path("uploads/<int:pk>/mapping/preset.json", views.mapping_export, name="mapping_export"),
    path("uploads/<int:pk>/cells/", views.edit_cell, name="edit_cell"),
    path("uploads/<int:pk>/fix/", views.bulk_fix, name="bulk_fix"),
    path("uploads/<int:pk>/undo/", views.undo, name="undo"),
    path("uploads/<int:pk>/summary/", views.summary, name="summary"),
    path("uploads/<int:pk>/submit/", views.submit, name="submit"),
    path("uploads/<int:pk>/progress.json", views.progress, name="progress"),
    path("uploads/<int:pk>/delivery/", views.delivery_control, name="delivery_control"),
]

# Review, reports and search (issue 6).
from uploads import views_review  # noqa: E402

urlpatterns += [
    path("uploads/<int:pk>/review/", views_review.review_page, name="review"),
    path("uploads/<int:pk>/approve/", views_review.approve, name="approve"),
    path("uploads/<int:pk>/send-back/", views_review.send_back, name="send_back"),
    path("uploads/<int:pk>/withdraw/", views_review.withdraw, name="withdraw"),
    path("uploads/<int:pk>/reports/errors.csv", views_review.report, {"kind": "errors", "fmt": "csv"},
         name="errors_csv"),
    path("uploads/<int:pk>/reports/errors.xlsx", views_review.report, {"kind": "errors", "fmt": "xlsx"},
         name="errors_xlsx"),
    path("uploads/<int:pk>/reports/results.csv", views_review.report, {"kind": "results", "fmt": "csv"},
         name="results_csv"),
    path("uploads/<int:pk>/reports/results.xlsx", views_review.report, {"kind": "results", "fmt": "xlsx"},
         name="results_xlsx"),
    path("find/", views_review.find_ticket, name="find"),
]
