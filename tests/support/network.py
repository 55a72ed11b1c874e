"""Builders for a small network of municipalities, schools, teams, people and experiments."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from wagtail.models import Page

from knowledge.models import ExperimentPage, Finding, GradeLevel, HomePage, Subject
from schools.models import GradeBand, MunicipalityPage, SchoolPage, TeacherTeam

PASSWORD = "praksis-test-1234"


def make_user(username, groups=(), superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.dk",
        first_name=username.capitalize(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.set(groups)
    return user


def home_page():
    return HomePage.objects.get()


def make_municipality(title):
    municipality = MunicipalityPage(title=title)
    home_page().add_child(instance=municipality)
    return MunicipalityPage.objects.get(pk=municipality.pk)


def make_school(municipality, title, **fields):
    school = SchoolPage(title=title, description=f"{title} er en folkeskole.", **fields)
    municipality.add_child(instance=school)
    return SchoolPage.objects.get(pk=school.pk)


def make_team(school, name="Team 4.-6.", grade_band=GradeBand.MELLEMTRIN, members=()):
    team = TeacherTeam.objects.create(school=school, name=name, grade_band=grade_band)
    team.members.set(members)
    team.save()  # a ParentalManyToManyField keeps its rows in memory until the team is saved
    return team


def subject(name):
    return Subject.objects.get_or_create(name=name)[0]


def make_experiment(
    school,
    title,
    *,
    team=None,
    tags=(),
    subjects=("Dansk",),
    grades=(4,),
    members_only=False,
    live=True,
    findings=("Eleverne læste mere, når de selv valgte bøgerne.",),
    **fields,
):
    """Create an experiment under school; published (with its revision) unless live=False."""
    experiment = ExperimentPage(
        title=title,
        summary=fields.pop("summary", f"Kort om {title.lower()}."),
        question=fields.pop("question", "Hvad sker der, hvis eleverne selv vælger?"),
        team=team,
        members_only=members_only,
        start_date=fields.pop("start_date", datetime.date(2026, 2, 1)),
        live=False,
        **fields,
    )
    experiment.subjects.set([subject(name) for name in subjects])
    experiment.grade_levels.set(GradeLevel.objects.filter(number__in=grades))
    experiment.tags.set(list(tags))
    experiment.findings = [Finding(statement=text) for text in findings]
    school.add_child(instance=experiment)
    revision = experiment.save_revision()
    if live:
        revision.publish()
    return ExperimentPage.objects.get(pk=experiment.pk)


@dataclass
class Network:
    """Two municipalities, a school in each, a team per school and one user per role."""

    municipality_a: MunicipalityPage
    municipality_b: MunicipalityPage
    school_a: SchoolPage
    school_b: SchoolPage
    admin: object
    teacher_a: object
    leader_a: object
    teacher_b: object
    leader_b: object
    curator_a: object
    team_a: TeacherTeam = field(default=None)
    team_b: TeacherTeam = field(default=None)


def build_network():
    municipality_a = make_municipality("Aarhus Kommune")
    municipality_b = make_municipality("Odense Kommune")
    school_a = make_school(municipality_a, "Skjoldhøjskolen", city="Brabrand", postcode="8220")
    school_b = make_school(municipality_b, "Rosengårdskolen", city="Odense Ø", postcode="5220")
    teacher_a = make_user("laerer_a", [school_a.teachers_group])
    teacher_b = make_user("laerer_b", [school_b.teachers_group])
    network = Network(
        municipality_a=municipality_a,
        municipality_b=municipality_b,
        school_a=school_a,
        school_b=school_b,
        admin=make_user("admin", superuser=True),
        teacher_a=teacher_a,
        leader_a=make_user("leder_a", [school_a.leaders_group]),
        teacher_b=teacher_b,
        leader_b=make_user("leder_b", [school_b.leaders_group]),
        curator_a=make_user("kurator_a", [municipality_a.curators_group]),
    )
    network.team_a = make_team(school_a, "Mellemtrinnet A", members=[teacher_a])
    network.team_b = make_team(school_b, "Mellemtrinnet B", members=[teacher_b])
    return network


def root_page():
    return Page.get_first_root_node()


def add_findings(network):
    """Experiments across two municipalities with findings of several kinds, one members-only
    experiment and one draft, whose findings must never reach anonymous visitors."""
    from knowledge.models import EvidenceKind, Finding

    n = network
    n.school_c = make_school(n.municipality_a, "Ellekærskolen", city="Vanløse")
    n.reading = make_experiment(
        n.school_a,
        "Frilæsning i 4.b",
        team=n.team_a,
        tags=["læsning", "motivation"],
        subjects=("Dansk",),
        grades=(4,),
        start_date=datetime.date(2025, 9, 1),
        findings=(
            "Eleverne læste mere, når de selv valgte bøgerne.",
            "Drengene bad om tegneserier.",
        ),
    )
    n.maths = make_experiment(
        n.school_b,
        "Matematik udenfor",
        team=n.team_b,
        tags=["udeskole"],
        subjects=("Matematik",),
        grades=(5, 6),
        start_date=datetime.date(2026, 3, 1),
        status="completed",
        findings=("Færre elever gik i stå ved målingsopgaver.",),
    )
    n.members = make_experiment(
        n.school_a,
        "Skjult forsøg om trivsel",
        tags=["læsning", "trivsel"],
        members_only=True,
        subjects=("Dansk",),
        grades=(4,),
        findings=("Hemmeligt fund om trivsel.",),
    )
    n.draft = make_experiment(
        n.school_c,
        "Kladde om læsebånd",
        tags=["læsning"],
        live=False,
        findings=("Kladdefund må aldrig vises.",),
    )
    n.c_reading = make_experiment(
        n.school_c,
        "Læsebånd på Ellekær",
        tags=["læsning"],
        subjects=("Dansk",),
        grades=(3,),
        start_date=datetime.date(2026, 1, 10),
        status="in_progress",
        findings=("Læsebåndet gav ro om morgenen.",),
    )
    # Give findings different kinds of evidence.
    Finding.objects.filter(statement__startswith="Drengene").update(
        evidence_kind=EvidenceKind.INTERVIEWS, evidence="Samtaler med 12 elever"
    )
    Finding.objects.filter(statement__startswith="Færre").update(
        evidence_kind=EvidenceKind.TEST_RESULTS
    )
    # Published again, as an editor would: the search index and the listing facts follow a
    # publish, not an update behind its back.
    for experiment in (n.reading, n.maths):
        ExperimentPage.objects.get(pk=experiment.pk).save_revision().publish()
    return n


def grow(network, count, start=0):
    """Add count experiments (numbered from start) across both schools of the small network,
    each with a team, tags, subjects, grades, a start date and findings of its own; every third
    is members-only. The one builder behind the query-count tests at two sizes."""
    teams = {network.school_a.pk: network.team_a, network.school_b.pk: network.team_b}
    for number in range(start, start + count):
        school = network.school_a if number % 3 else network.school_b
        make_experiment(
            school,
            f"Forsøg nummer {number}",
            team=teams[school.pk],
            tags=["Læsning", f"Emne {number}", f"Emne {number + 1}"],
            subjects=("Dansk", f"Fag {number % 4}"),
            grades=(number % 10, 5),
            start_date=datetime.date(2025 + number % 2, 1, 1),
            findings=[f"Fund {number}.{i}" for i in range(1 + number % 3)],
            members_only=number % 3 == 0,
        )
