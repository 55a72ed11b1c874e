"""Builds (and removes) the demo network.

Municipalities, schools and collections are few and created the normal Wagtail way (add_child,
then a published revision), so the schools.signals handlers give them their groups. Experiments
can be many thousands: they are written in bulk, with tree paths computed the way treebeard
does, and the search index is rebuilt once at the end instead of once per page.
"""

import datetime
import json
import random
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from taggit.models import Tag
from tqdm import tqdm
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Task, Workflow

from knowledge import planner_statistics
from knowledge.cache import bump_content_version
from knowledge.experiments.fields import demo_values
from knowledge.models import (
    CollectionIndexPage,
    CollectionItem,
    CollectionPage,
    ExperimentLink,
    ExperimentPage,
    ExperimentStatus,
    ExperimentTag,
    Finding,
    GradeLevel,
    HomePage,
    PraksisImage,
    Subject,
)
from knowledge.places import attach_places
from schools.models import MunicipalityPage, SchoolPage, TeacherTeam

from . import vocabulary as words
from .colleagues import COLLEAGUE_PREFIX, ConversationBuilder
from .pictures import DEMO_COLLECTION, create_pictures
from .writing import Writer, choose_subjects

PICTURE_COUNT = 24
BATCH_SIZE = 500
ACCOUNT_ROLES = [
    ("administrator", "demo-administrator"),
    ("leader", "demo-leder"),
    ("teacher", "demo-laerer"),
    ("curator", "demo-kurator"),
]
PASSWORD_WORDS = [
    "bogorm",
    "kridt",
    "skolegaard",
    "frikvarter",
    "penalhus",
    "madpakke",
    "tavle",
    "viskelaeder",
    "globus",
    "lineal",
    "passer",
    "skoletaske",
]
# Every 33rd experiment is a draft and every 25th members-only, so even a small network has some.
DRAFT_EVERY = 33
MEMBERS_ONLY_EVERY = 25
LINK_SHARE = 0.15
PICTURE_SHARE = 0.35


@dataclass
class DemoAccount:
    role: str
    username: str
    password: str
    groups: list = field(default_factory=list)


@dataclass
class BuildReport:
    municipalities: int
    schools: int
    teams: int
    experiments: int
    comments: int
    accounts: list


def network_exists():
    return MunicipalityPage.objects.exists()


@contextmanager
def search_indexing_paused():
    """Disconnect modelsearch's per-object index updates; the caller rebuilds the index after."""
    models = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    from knowledge.search import publishing

    token = publishing.paused.set(True)
    try:
        yield
    finally:
        publishing.paused.reset(token)
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


def account_passwords(seed):
    rng = random.Random(f"accounts-{seed}")
    return {
        username: f"{rng.choice(PASSWORD_WORDS)}-{rng.choice(PASSWORD_WORDS)}-{rng.randint(1000, 9999)}"
        for _role, username in ACCOUNT_ROLES
    }


def class_name(grade, rng):
    if grade == 0:
        return "børnehaveklassen"
    return f"{grade}.{rng.choice('abc')}"


def _publish(page):
    page.save_revision().publish()


class NetworkBuilder:
    """Creates the demo network; see load_demo_network for the options."""

    def __init__(self, seed=1, experiments=300, progress=True, index=True, log=print):
        self.seed = seed
        self.experiment_count = experiments
        self.progress = progress
        self.index = index
        self.log = log
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.writer = Writer(random.Random(f"{seed}-writing"))

    # Building ---------------------------------------------------------------

    def build(self):
        with search_indexing_paused():
            with transaction.atomic():
                report = self._build()
        # Bulk inserts send no signals: start a new content version so no cached listing is stale.
        bump_content_version()
        planner_statistics.refresh()
        if self.index:
            self.log("Updating the search index…")
            call_command("update_index", verbosity=0)
        return report

    def _build(self):
        self.subjects = {
            name: Subject.objects.get_or_create(name=name)[0] for name in words.SUBJECTS
        }
        self.grades = {g.number: g for g in GradeLevel.objects.all()}
        self.pictures = create_pictures(PICTURE_COUNT, self.seed)
        self.municipalities, self.schools = self._create_places()
        self.teams = self._create_teams()
        self.tags = self._create_tags()
        experiments = self._create_experiments()
        self._create_collections(experiments)
        accounts = self._create_accounts()
        comments = ConversationBuilder(
            random.Random(f"{self.seed}-conversation"),
            self.now,
            self.schools,
            self.teams,
            self.planned,
            accounts,
        ).build()
        return BuildReport(
            municipalities=len(self.municipalities),
            schools=len(self.schools),
            teams=sum(len(t) for t in self.teams.values()),
            experiments=len(experiments),
            comments=comments,
            accounts=accounts,
        )

    def _create_places(self):
        home = HomePage.objects.get()
        municipalities, schools = [], []
        for place in words.MUNICIPALITIES:
            municipality = MunicipalityPage(title=place["name"], intro=f"<p>{place['intro']}</p>")
            home.add_child(instance=municipality)
            _publish(municipality)
            municipalities.append(municipality)
            for name, street, postcode, city, description in place["schools"]:
                school = SchoolPage(
                    title=name,
                    description=description,
                    street_address=street,
                    postcode=postcode,
                    city=city,
                    picture=self.rng.choice(self.pictures),
                )
                municipality.add_child(instance=school)
                _publish(school)
                schools.append(SchoolPage.objects.get(pk=school.pk))
        return municipalities, schools

    def _create_teams(self):
        teams = {}
        bands = list(words.TEAM_NAMES)
        for number, school in enumerate(self.schools):
            # Two schools in three get a team for every band, the rest two teams: 40+ in all.
            school_bands = bands if number % 3 else self.rng.sample(bands, 2)
            teams[school.pk] = []
            for band in school_bands:
                team = TeacherTeam.objects.create(
                    school=school, name=self.rng.choice(words.TEAM_NAMES[band]), grade_band=band
                )
                team.subjects.set(
                    self.subjects[s] for s in self.rng.sample(words.BAND_SUBJECTS[band], 3)
                )
                teams[school.pk].append(team)
        return teams

    def _create_tags(self):
        names = set(words.RARE_TAGS) | set(words.COMMON_TAGS)
        for theme in words.THEMES:
            names |= set(theme["tags"]) | set(theme["extra_tags"])
        tags = {}
        for name in sorted(names):
            # Case-insensitive lookup: an existing "Læsning" is the same tag as "læsning".
            tags[name] = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                name=name
            )
        return tags

    # Experiments, in bulk ---------------------------------------------------

    def _create_experiments(self):
        content_type = ContentType.objects.get_for_model(ExperimentPage)
        locale = Locale.get_default()
        school_weights = [self.rng.uniform(0.5, 2.0) for _ in self.schools]
        next_step = {s.pk: self._last_step(s) for s in self.schools}
        used_slugs = {
            s.pk: set(Page.objects.child_of(s).values_list("slug", flat=True)) for s in self.schools
        }
        experiments = []
        bar = tqdm(
            total=self.experiment_count, desc="Experiments", unit="page", disable=not self.progress
        )
        remaining = self.experiment_count
        while remaining:
            batch = []
            for _ in range(min(BATCH_SIZE, remaining)):
                school = self.rng.choices(self.schools, weights=school_weights)[0]
                next_step[school.pk] += 1
                number = self.experiment_count - remaining + len(batch)
                batch.append(
                    self._compose(
                        school,
                        next_step[school.pk],
                        used_slugs[school.pk],
                        content_type,
                        locale,
                        number,
                    )
                )
            self._insert(batch)
            experiments.extend(batch)
            remaining -= len(batch)
            bar.update(len(batch))
        bar.close()
        self.planned = experiments
        self._create_links(experiments)
        for school in self.schools:
            numchild = Page.objects.filter(
                path__startswith=school.path, depth=school.depth + 1
            ).count()
            Page.objects.filter(pk=school.pk).update(numchild=numchild)
        return [e.page for e in experiments]

    def _last_step(self, school):
        last = school.get_last_child()
        return Page._str2int(last.path[-Page.steplen :]) if last else 0

    def _compose(self, school, step, used_slugs, content_type, locale, number):
        rng = self.rng
        team = rng.choice(self.teams[school.pk])
        band = team.grade_band
        theme = rng.choice([t for t in words.THEMES if band in t["bands"]])
        grades = sorted(rng.sample(words.BAND_GRADES[band], rng.choice([1, 1, 2])))
        subjects = choose_subjects(rng, theme, band)
        klasse = class_name(grades[0], rng)
        start = self.today + datetime.timedelta(days=rng.randint(-3 * 365, 60))
        end = start + datetime.timedelta(weeks=rng.randint(4, 16))
        if end < self.today:
            status = ExperimentStatus.COMPLETED
            published = end + datetime.timedelta(days=rng.randint(3, 40))
        elif start <= self.today:
            status = ExperimentStatus.IN_PROGRESS
            published = start + datetime.timedelta(days=rng.randint(1, 14))
        else:
            status = ExperimentStatus.PLANNED
            published = self.today - datetime.timedelta(days=rng.randint(1, 20))
        published_at = timezone.make_aware(
            datetime.datetime.combine(
                published, datetime.time(rng.randint(7, 20), rng.randint(0, 59))
            )
        )
        if published_at > self.now:
            # Not in the future, and not all at this moment either: a network publishes one
            # experiment at a time, and the listings' tie-break sorted the 2,377 of 100,000
            # that shared it. A minute of their own in the last three days, and not before the
            # experiment began (no draw from rng, so the rest of the network is the same).
            began = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
            since = max(1, int((self.now - began).total_seconds() // 60))
            published_at = self.now - datetime.timedelta(
                minutes=1 + number % min(since, 3 * 24 * 60)
            )
        fields = demo_values(random.Random(f"{self.seed}-fields-{number}"))
        writer = self.writer
        title = writer.title(theme, subjects, band, klasse, start, school.title)
        weeks = (end - start).days // 7
        summary = writer.summary(
            theme, subjects, band, status, klasse, start, weeks, fields.get("pupil_count")
        )
        reports = writer.reports(
            theme, subjects, band, status, klasse, weeks, fields.get("pupil_count")
        )
        slug = base = slugify(title, allow_unicode=True)[:70]
        suffix = 2
        while slug in used_slugs:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        used_slugs.add(slug)

        live = number % DRAFT_EVERY != 5
        members_only = live and number % MEMBERS_ONLY_EVERY == 7

        page = ExperimentPage(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            locale=locale,
            path=Page._get_path(school.path, school.depth + 1, step),
            depth=school.depth + 1,
            numchild=0,
            url_path=f"{school.url_path}{slug}/",
            translation_key=uuid.uuid4(),
            live=live,
            has_unpublished_changes=not live,
            first_published_at=published_at if live else None,
            last_published_at=published_at if live else None,
            latest_revision_created_at=published_at,
            summary=summary,
            team=team,
            status=status,
            start_date=start,
            end_date=end if status != ExperimentStatus.PLANNED or rng.random() < 0.5 else None,
            question=reports["question"],
            background=reports["background"],
            what_we_did=json.dumps(self._what_we_did(theme, subjects, band)),
            observations=reports["observations"],
            next_steps=reports["next_steps"],
            reflection=reports["reflection"],
            picture=rng.choice(self.pictures) if rng.random() < PICTURE_SHARE else None,
            members_only=members_only,
            # Fields declared with a demo value (knowledge.experiments.fields), from a generator
            # of their own so that adding one leaves the rest of the network as it was.
            **fields,
        )
        tags = list(theme["tags"]) + rng.sample(theme["extra_tags"], rng.randint(0, 2))
        if rng.random() < 0.25:
            tags.append(rng.choice(words.COMMON_TAGS))
        if rng.random() < 0.03:
            tags.append(rng.choice(words.RARE_TAGS))
        return _Planned(
            page=page,
            school=school,
            klasse=klasse,
            weeks=weeks,
            theme=theme["key"],
            subjects=subjects,
            grades=grades,
            tags=sorted(set(tags)),
            findings=reports["findings"],
        )

    def _what_we_did(self, theme, subjects, band):
        rng = self.rng
        blocks = [
            ("paragraph", f"<p>{text}</p>")
            for text in rng.sample(theme["actions"], rng.randint(2, 3))
        ]
        if rng.random() < 0.6:
            speaker, quote = self.writer.quote(theme, subjects, band)
            blocks.insert(
                rng.randint(1, len(blocks)),
                ("quote", {"quote": quote, "speaker": speaker, "attribution": ""}),
            )
        if rng.random() < 0.15:
            picture = rng.choice(self.pictures)
            blocks.append(
                (
                    "picture",
                    {
                        "image": {
                            "image": picture.pk,
                            "decorative": False,
                            "alt_text": picture.description,
                        },
                        "caption": "Fra forløbet",
                    },
                )
            )
        return [
            {"type": kind, "value": value, "id": str(uuid.UUID(int=self.rng.getrandbits(128)))}
            for kind, value in blocks
        ]

    def _insert(self, planned):
        """Write the Page rows, then the ExperimentPage rows and their relations, in bulk."""
        pages = [p.page for p in planned]
        page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
        parents = Page.objects.bulk_create(
            [Page(**{name: getattr(e, name) for name in page_fields}) for e in pages]
        )
        for experiment, parent in zip(pages, parents):
            experiment.pk = experiment.page_ptr_id = parent.pk
        # bulk_create refuses multi-table models; insert only the child table's columns, as
        # Model.save_base(raw=True) would, but in one statement per batch.
        child_fields = ExperimentPage._meta.local_concrete_fields
        step = max(1, connection.ops.bulk_batch_size(child_fields, pages))
        for start in range(0, len(pages), step):
            ExperimentPage._base_manager._insert(pages[start : start + step], fields=child_fields)

        subjects_through = ExperimentPage.subjects.through
        grades_through = ExperimentPage.grade_levels.through
        subjects_through.objects.bulk_create(
            subjects_through(experimentpage_id=p.page.pk, subject_id=self.subjects[s].pk)
            for p in planned
            for s in p.subjects
        )
        grades_through.objects.bulk_create(
            grades_through(experimentpage_id=p.page.pk, gradelevel_id=self.grades[g].pk)
            for p in planned
            for g in p.grades
        )
        ExperimentTag.objects.bulk_create(
            ExperimentTag(content_object_id=p.page.pk, tag_id=self.tags[t].pk)
            for p in planned
            for t in p.tags
        )
        Finding.objects.bulk_create(
            Finding(
                page_id=p.page.pk,
                statement=statement,
                evidence_kind=kind,
                evidence=evidence,
                sort_order=order,
            )
            for p in planned
            for order, (statement, kind, evidence) in enumerate(p.findings)
        )
        PageViewRestriction.objects.bulk_create(
            PageViewRestriction(page_id=p.page.pk, restriction_type=PageViewRestriction.LOGIN)
            for p in planned
            if p.page.members_only
        )

    def _create_links(self, planned):
        """Some experiments replicate, adapt, extend or contradict one at another school."""
        rng = self.rng
        by_theme = {}
        links, sentences = [], {}
        kinds = ["adapts"] * 5 + ["replicates"] * 3 + ["extends"] * 3 + ["contradicts"]
        public = [p for p in planned if p.page.live and not p.page.members_only]
        for item in sorted(public, key=lambda p: p.page.first_published_at):
            earlier = [
                e for e in by_theme.get(item.theme, [])[-30:] if e.school.pk != item.school.pk
            ]
            if earlier and rng.random() < LINK_SHARE:
                target = rng.choice(earlier)
                kind = rng.choice(kinds)
                links.append(
                    ExperimentLink(
                        page_id=item.page.pk, target_id=target.page.pk, kind=kind, sort_order=0
                    )
                )
                sentence = words.LINK_SENTENCES[kind].format(school=target.school.title)
                sentences[item.page.pk] = f"{item.page.background}<p>{sentence}</p>"
            by_theme.setdefault(item.theme, []).append(item)
        ExperimentLink.objects.bulk_create(links, batch_size=BATCH_SIZE)
        for pk, background in sentences.items():
            ExperimentPage.objects.filter(pk=pk).update(background=background)

    # Collections and accounts -----------------------------------------------

    def _create_collections(self, experiments):
        public = ExperimentPage.objects.live().filter(members_only=False)
        for number, municipality in enumerate(self.municipalities):
            folder = CollectionIndexPage.objects.child_of(municipality).get()
            for offset in range(2):
                title, tag, intro = words.COLLECTIONS[
                    (2 * number + offset) % len(words.COLLECTIONS)
                ]
                chosen = list(
                    public.filter(tags__name=tag, path__startswith=municipality.path).order_by(
                        "-first_published_at"
                    )[:6]
                ) or list(public.filter(tags__name=tag).order_by("-first_published_at")[:6])
                school_titles = {
                    e.pk: place.title
                    for e, place in ((e, e.listing_school) for e in attach_places(chosen))
                }
                collection = CollectionPage(title=title, intro=f"<p>{intro}</p>")
                collection.items = [
                    CollectionItem(
                        experiment=e,
                        note=self.writer.curator_note(e.title, school_titles[e.pk]),
                        sort_order=i,
                    )
                    for i, e in enumerate(chosen)
                ]
                folder.add_child(instance=collection)
                _publish(collection)

    def _create_accounts(self):
        passwords = account_passwords(self.seed)
        school = self.schools[0]
        team = self.teams[school.pk][0]
        municipality = self.municipalities[0]
        groups = {
            "administrator": [],
            "leader": [school.leaders_group],
            "teacher": [school.teachers_group],
            "curator": [municipality.curators_group],
        }
        accounts = []
        User = get_user_model()
        for role, username in ACCOUNT_ROLES:
            superuser = role == "administrator"
            user = User.objects.create_user(
                username=username,
                password=passwords[username],
                email=f"{username}@example.dk",
                is_superuser=superuser,
                is_staff=superuser,
            )
            user.groups.set(groups[role])
            accounts.append(
                DemoAccount(role, username, passwords[username], [g.name for g in groups[role]])
            )
        team.members.add(User.objects.get(username="demo-laerer"))
        team.save()  # a ParentalManyToManyField is written when its owner is saved
        return accounts

    # Removing ---------------------------------------------------------------

    def reset(self):
        """Delete the network: every municipality with everything below it, and its groups."""
        with search_indexing_paused(), transaction.atomic():
            schools = list(SchoolPage.objects.values_list("title", flat=True))
            municipalities = list(MunicipalityPage.objects.values_list("title", flat=True))
            group_names = [f"{s}: lærere" for s in schools] + [f"{s}: ledere" for s in schools]
            group_names += [f"{m}: kuratorer" for m in municipalities]
            # A school named like another has groups named after its municipality too.
            group_ids = [
                pk
                for pair in SchoolPage.objects.values_list("teachers_group_id", "leaders_group_id")
                for pk in pair
                if pk
            ]
            # Experiments first, straight through the query layer: one page at a time would
            # unpublish and log each of thousands of pages that are about to disappear anyway.
            experiment_ids = list(ExperimentPage.objects.values_list("pk", flat=True))
            for start in range(0, len(experiment_ids), BATCH_SIZE):
                ids = experiment_ids[start : start + BATCH_SIZE]
                ExperimentLink.objects.filter(page_id__in=ids).delete()
                ExperimentLink.objects.filter(target_id__in=ids).delete()
                CollectionItem.objects.filter(experiment_id__in=ids).delete()
                # Before the pages: knowledge.experiments.privacy reads the page when a restriction goes.
                PageViewRestriction.objects.filter(page_id__in=ids).delete()
            for municipality in MunicipalityPage.objects.all():
                municipality.delete()
            Group.objects.filter(Q(name__in=group_names) | Q(pk__in=group_ids)).delete()
            workflows = Workflow.objects.filter(name__in=[f"Godkendelse: {s}" for s in schools])
            Task.objects.filter(name__in=[f"Ledelsens godkendelse: {s}" for s in schools]).delete()
            workflows.delete()
            get_user_model().objects.filter(username__in=[u for _r, u in ACCOUNT_ROLES]).delete()
            get_user_model().objects.filter(username__startswith=COLLEAGUE_PREFIX).delete()
            PraksisImage.objects.filter(collection__name=DEMO_COLLECTION).delete()
            Collection.objects.filter(name__in=schools + [DEMO_COLLECTION]).delete()
            Tag.objects.filter(knowledge_experimenttag_items=None).delete()
        bump_content_version()
        if self.index:
            call_command("update_index", verbosity=0)


@dataclass
class _Planned:
    page: ExperimentPage
    school: SchoolPage
    klasse: str
    weeks: int
    theme: str
    subjects: list
    grades: list
    tags: list
    findings: list
