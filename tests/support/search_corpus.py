"""A handful of experiments whose words every backend finds literally (no stemming needed)."""

import datetime
from types import SimpleNamespace

from tests.support.network import make_experiment


def build_corpus(network):
    n = network
    reading_a = make_experiment(
        n.school_a,
        "Læsning med lydbøger",
        tags=["læsning"],
        subjects=("Dansk",),
        grades=(4,),
        status="completed",
        start_date=datetime.date(2024, 9, 1),
        findings=("Lydbøger hjalp.",),
        summary="Eleverne lyttede til lydbøger <b>sammen</b> & talte om læsning.",
    )
    fractions = make_experiment(
        n.school_a,
        "Brøker i bevægelse",
        tags=["bevægelse"],
        subjects=("Matematik",),
        grades=(5,),
        status="in_progress",
        start_date=datetime.date(2025, 1, 10),
        findings=("Brøker gav mening.",),
        summary="Matematik i skolegården med brøker og læsning af opgaver.",
    )
    reading_b = make_experiment(
        n.school_b,
        "Læsebånd hver morgen",
        tags=["læsning"],
        subjects=("Dansk",),
        grades=(2,),
        status="completed",
        start_date=datetime.date(2025, 8, 15),
        findings=("Læselysten steg.",),
        summary="Et kvarters læsning hver morgen.",
    )
    members_only = make_experiment(
        n.school_b,
        "Læsning i lukket forum",
        members_only=True,
        subjects=("Dansk",),
        grades=(3,),
        start_date=datetime.date(2023, 3, 1),
        findings=("Kun for medlemmer.",),
        summary="Hemmelig læsning om kvantefysik.",
    )
    draft = make_experiment(
        n.school_a,
        "Kladde om læsning",
        live=False,
        subjects=("Historie",),
        start_date=datetime.date(2022, 3, 1),
        findings=("Ikke færdig.",),
        summary="Udkast om læsning og kvantefysik.",
    )
    return SimpleNamespace(
        reading_a=reading_a,
        fractions=fractions,
        reading_b=reading_b,
        members_only=members_only,
        draft=draft,
    )
