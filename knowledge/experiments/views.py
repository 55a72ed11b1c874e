"""The experiment wing's public page: the evidence ladder explained (/evidens/)."""

from django.shortcuts import render

from .evidence import EvidenceStep


def evidence_help(request):
    return render(request, "knowledge/evidence_ladder_help.html", {"steps": EvidenceStep})
