import datetime

import pytest

from tests.network import make_experiment, make_school


@pytest.fixture
def findings_network(network):
    """Experiments across two municipalities with findings of several kinds, one members-only
    experiment and one draft, whose findings must never reach anonymous visitors."""
    from knowledge.models import EvidenceKind, Finding

    n = network
    n.school_c = make_school(n.municipality_a, "Ellekærskolen", city="Vanløse")
    n.reading = make_experiment(
        n.school_a, "Frilæsning i 4.b", team=n.team_a, tags=["læsning", "motivation"],
        subjects=("Dansk",), grades=(4,), start_date=datetime.date(2025, 9, 1),
        findings=("Eleverne læste mere, når de selv valgte bøgerne.", "Drengene bad om tegneserier."),
    )
    n.maths = make_experiment(
        n.school_b, "Matematik udenfor", team=n.team_b, tags=["udeskole"],
        subjects=("Matematik",), grades=(5, 6), start_date=datetime.date(2026, 3, 1),
        status="completed", findings=("Færre elever gik i stå ved målingsopgaver.",),
    )
    n.members = make_experiment(
        n.school_a, "Skjult forsøg om trivsel", tags=["læsning", "trivsel"], members_only=True,
        subjects=("Dansk",), grades=(4,), findings=("Hemmeligt fund om trivsel.",),
    )
    n.draft = make_experiment(
        n.school_c, "Kladde om læsebånd", tags=["læsning"], live=False,
        findings=("Kladdefund må aldrig vises.",),
    )
    n.c_reading = make_experiment(
        n.school_c, "Læsebånd på Ellekær", tags=["læsning"], subjects=("Dansk",), grades=(3,),
        start_date=datetime.date(2026, 1, 10), status="in_progress",
        findings=("Læsebåndet gav ro om morgenen.",),
    )
    # Give findings different kinds of evidence.
    Finding.objects.filter(statement__startswith="Drengene").update(
        evidence_kind=EvidenceKind.INTERVIEWS, evidence="Samtaler med 12 elever"
    )
    Finding.objects.filter(statement__startswith="Færre").update(
        evidence_kind=EvidenceKind.TEST_RESULTS
    )
    return n
