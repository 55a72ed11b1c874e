"""Included by knowledge.urls under /soeg/, so the names are knowledge:search and
knowledge:search_suggestions."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("forslag/", views.suggestions, name="search_suggestions"),
]
