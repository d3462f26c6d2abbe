"""Included by the portal at /sandbox/api/v1/, the sandbox's stand-in for MaestroQA's base URL."""

from django.urls import path

from sandbox import views

app_name = "sandbox"
urlpatterns = [
    path("create-customer-feedback", views.create_customer_feedback, name="create-customer-feedback"),
]
