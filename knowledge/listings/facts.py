"""The listings' counts, kept as facts (knowledge.models.ListingFact) instead of counted per view.

Every live experiment adds one to a fact per value it has: in the network ("net") for each facet
of the filtered pages, at its school for what the school and municipality overviews count, and in
its team. ``refresh(ids)`` recomputes what the given experiments add now, takes back what they
added before (kept in ListedExperiment) and writes the difference, in the caller's transaction;
knowledge.cache calls it on every change that can alter a count. ``rebuild()`` recounts
everything from scratch (a bulk load, manage.py rebuild_listing_facts).

Privacy stays exact: a fact belongs to an audience, public (not members-only) or members
(members-only), and readers see the sum over the audiences visible_to() would give them. A member
kept out of some group- or password-restricted pages has no audience here: their pages count
exactly, from the experiments table (``audiences_of`` returns None).
"""

import time
from collections import defaultdict

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max
from wagtail.models import Page

from knowledge.models import ExperimentPage, ExperimentTag, Finding, ListedExperiment, ListingFact
from knowledge.places import listing_year, municipality_path, school_path, school_term

PUBLIC, MEMBERS = "public", "members"
NETWORK = "net"


def school_scope(school_id):
    return f"school:{school_id}"


def team_scope(team_id):
    return f"team:{team_id}"


def audiences_of(user):
    """The audiences whose facts a reader sees, or None when only an exact count will do."""
    from knowledge.cache import visibility_class

    kind = visibility_class(user)
    if kind == "public":
        return (PUBLIC,)
    if kind in ("member", "all"):
        return (PUBLIC, MEMBERS)
    return None


# What one experiment adds


def contributions(ids=None):
    """{experiment id: (audience, [[scope, dimension, value, label, findings]], evidence step,
    first published)} for the live experiments among ids (all when None): eleven queries
    however many there are."""
    from knowledge.experiments.evidence import evidence_steps

    experiments = ExperimentPage.objects.live()
    if ids is not None:
        experiments = experiments.filter(pk__in=list(ids))
    rows = list(
        experiments.order_by().values_list(
            "pk", "path", "members_only", "status", "team_id", "start_date", "first_published_at"
        )
    )
    if not rows:
        return {}
    selected = [row[0] for row in rows]
    place_paths = {p for row in rows for p in (school_path(row[1]), municipality_path(row[1]))}
    place_ids = dict(Page.objects.filter(path__in=place_paths).values_list("path", "pk"))

    def related(model, *columns, key):
        found = defaultdict(list)
        for row in model.objects.filter(**{f"{key}__in": selected}).values_list(key, *columns):
            found[row[0]].append(row[1:])
        return found

    through = ExperimentPage.subjects.through
    subjects = related(through, "subject__slug", "subject__name", key="experimentpage_id")
    grades = related(
        ExperimentPage.grade_levels.through, "gradelevel__number", key="experimentpage_id"
    )
    tags = related(ExperimentTag, "tag__slug", "tag__name", key="content_object_id")
    kinds = related(Finding, "evidence_kind", key="page_id")
    steps = evidence_steps(None if ids is None else selected)

    result = {}
    for pk, path, members_only, status, team_id, start, published in rows:
        found = len(kinds[pk])
        school = place_ids.get(school_path(path))
        municipality = place_ids.get(municipality_path(path))
        own_subjects = sorted(set(subjects[pk]))
        own_tags = sorted(set(tags[pk]))
        year = listing_year(start, published)
        term = school_term(start, published)
        net = [("total", "", "", found), ("status", status, "", found)]
        if municipality:
            net.append(("kommune", str(municipality), "", found))
        if school:
            net.append(("skole", str(school), "", found))
        net += [("fag", slug, name, found) for slug, name in own_subjects]
        net += [("klassetrin", str(number), "", found) for (number,) in sorted(set(grades[pk]))]
        net += [("emne", slug, name, found) for slug, name in own_tags]
        if year:
            net.append(("aar", str(year), "", found))
        per_kind = defaultdict(int)
        for (kind,) in kinds[pk]:
            per_kind[kind] += 1
        net += [("grundlag", kind, "", n) for kind, n in sorted(per_kind.items())]
        step = int(steps.get(pk, 1))
        net.append(("evidens", str(step), "", found))
        entries = [[NETWORK, *entry] for entry in net]
        if school:
            at_school = [
                ("total", "", "", found),
                ("status", status, "", found),
                ("team", str(team_id or ""), "", found),
                *(("fag", slug, name, found) for slug, name in own_subjects),
                *(("emne", slug, name, found) for slug, name in own_tags),
            ]
            if term:
                at_school.append(("term", f"{term[0]}-{term[1]}", "", found))
            entries += [[school_scope(school), *entry] for entry in at_school]
        if team_id:
            in_team = [
                ("total", "", "", found),
                *(("fag", slug, name, found) for slug, name in own_subjects),
                *(("emne", slug, name, found) for slug, name in own_tags),
            ]
            entries += [[team_scope(team_id), *entry] for entry in in_team]
        result[pk] = (MEMBERS if members_only else PUBLIC, entries, step, published)
    return result


def _add(deltas, audience, entries, sign):
    for scope, dimension, value, label, findings in entries:
        delta = deltas[(scope, dimension, value, audience)]
        delta[0] += sign
        delta[1] += sign * findings
        delta[2 if sign > 0 else 3] = label


def _changed(delta):
    experiments, findings, label, old_label = delta
    return experiments or findings or (label is not None and label != old_label)


def _write(deltas):
    for (scope, dimension, value, audience), (experiments, findings, label, _old) in deltas.items():
        row = ListingFact.objects.filter(
            scope=scope, dimension=dimension, value=value, audience=audience
        )
        changes = {"experiments": F("experiments") + experiments}
        changes["findings"] = F("findings") + findings
        if label is not None:
            changes["label"] = label
        if not row.update(**changes) and not _created(
            scope, dimension, value, audience, label, experiments, findings
        ):
            row.update(**changes)  # another transaction created it first
        elif experiments < 0:
            row.filter(experiments__lte=0).delete()


def _created(scope, dimension, value, audience, label, experiments, findings):
    try:
        with transaction.atomic():
            ListingFact.objects.create(
                scope=scope,
                dimension=dimension,
                value=value,
                audience=audience,
                label=label or "",
                experiments=experiments,
                findings=findings,
            )
    except IntegrityError:
        return False
    return True


def refresh(ids):
    """Bring the facts of these experiments up to date; returns what changed (see touched()).

    The experiments that repeat them or that they repeat are refreshed too: their step on the
    evidence ladder depends on these experiments' school, visibility and findings.
    """
    from knowledge.experiments.evidence import repeating_links

    ids = set(ids)
    if not ids:
        return Touched()
    ids |= {pk for link in repeating_links(ids) for pk in link}
    with transaction.atomic():
        _one_writer_at_a_time()
        rows = ListedExperiment.objects.select_for_update().filter(experiment_id__in=ids)
        stored_rows = {row.experiment_id: row for row in rows}
        now = contributions(ids)
        deltas = defaultdict(lambda: [0, 0, None, None])
        touched = Touched()
        revision = next_revision()
        for pk in ids:
            old = stored_rows.get(pk)
            if old is not None and old.audience:
                _add(deltas, old.audience, old.entries, -1)
                touched.add(old.entries)
            if pk in now:
                audience, entries, step, published = now[pk]
                _add(deltas, audience, entries, +1)
                touched.add(entries)
                kept = {
                    "audience": audience,
                    "entries": entries,
                    "evidence_step": step,
                    "first_published_at": published,
                }
            elif old is not None and old.audience:
                kept = {"audience": "", "entries": [], "evidence_step": 1}  # no longer listed
            else:
                continue
            if old is None:
                ListedExperiment.objects.create(experiment_id=pk, revision=revision, **kept)
            elif any(getattr(old, name) != value for name, value in kept.items()):
                ListedExperiment.objects.filter(experiment_id=pk).update(revision=revision, **kept)
        _write({key: delta for key, delta in deltas.items() if _changed(delta)})
    return touched


#: PostgreSQL advisory lock key of the listing facts' writers ("PRAKSFCT").
WRITERS_LOCK = 0x5052414B53464354


def _one_writer_at_a_time():
    """Writers of the facts take turns, to the end of their transaction, so revisions follow the
    order of the commits (knowledge.listings.facet_table keeps its table while the highest
    revision is unchanged: a commit with a lower revision than one already seen would go
    unnoticed). SQLite's writers already take turns (IMMEDIATE transactions); PostgreSQL's do
    through a transaction-scoped advisory lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITERS_LOCK])


def next_revision():
    """A number above every revision given so far: the time in microseconds, or one more than
    the highest when the clock is behind. Taken after _one_writer_at_a_time(), so revisions are
    ordered as the commits."""
    highest = ListedExperiment.objects.aggregate(highest=Max("revision"))["highest"] or 0
    return max(time.time_ns() // 1000, highest + 1)


class Touched:
    """The schools, municipalities and tags (by slug) whose facts a refresh read or changed."""

    def __init__(self):
        self.schools, self.municipalities, self.tags = set(), set(), set()
        self.listed = False  # whether any of the experiments was or is listed

    def add(self, entries):
        self.listed = True
        for scope, dimension, value, _label, _findings in entries:
            if scope != NETWORK:
                continue
            if dimension == "skole":
                self.schools.add(int(value))
            elif dimension == "kommune":
                self.municipalities.add(int(value))
            elif dimension == "emne":
                self.tags.add(value)


def recount():
    """{(scope, dimension, value, audience): (experiments, findings, label)} from scratch."""
    totals = defaultdict(lambda: [0, 0, ""])
    for audience, entries, *_rest in contributions().values():
        for scope, dimension, value, label, findings in entries:
            total = totals[(scope, dimension, value, audience)]
            total[0] += 1
            total[1] += findings
            total[2] = label
    return {key: tuple(value) for key, value in totals.items()}


def stored():
    """The facts as the table holds them, in recount()'s shape."""
    return {
        (f.scope, f.dimension, f.value, f.audience): (f.experiments, f.findings, f.label)
        for f in ListingFact.objects.filter(experiments__gt=0)
    }


def rebuild(batch_size=2000):
    """Replace every fact by a count from scratch (after a bulk load, or to repair)."""
    with transaction.atomic():
        _one_writer_at_a_time()
        ListingFact.objects.all().delete()
        ListedExperiment.objects.all().delete()
        every = contributions()
        revision = next_revision()
        ListedExperiment.objects.bulk_create(
            (
                ListedExperiment(
                    experiment_id=pk,
                    audience=audience,
                    entries=entries,
                    evidence_step=step,
                    first_published_at=published,
                    revision=revision,
                )
                for pk, (audience, entries, step, published) in every.items()
            ),
            batch_size=batch_size,
        )
        totals = defaultdict(lambda: [0, 0, ""])
        for audience, entries, *_rest in every.values():
            for scope, dimension, value, label, findings in entries:
                total = totals[(scope, dimension, value, audience)]
                total[0] += 1
                total[1] += findings
                total[2] = label
        ListingFact.objects.bulk_create(
            (
                ListingFact(
                    scope=scope,
                    dimension=dimension,
                    value=value,
                    audience=audience,
                    experiments=n,
                    findings=f,
                    label=label,
                )
                for (scope, dimension, value, audience), (n, f, label) in totals.items()
            ),
            batch_size=batch_size,
        )
    return len(every)


# Reading


def counted(scopes, dimensions, audiences, measure="experiments"):
    """{(scope, dimension): {value: (label, number)}} summed over audiences; values with none
    of the measure (experiments, or findings) are left out. One query."""
    found = defaultdict(dict)
    rows = ListingFact.objects.filter(
        scope__in=list(scopes), dimension__in=list(dimensions), audience__in=list(audiences)
    ).values_list("scope", "dimension", "value", "label", measure)
    for scope, dimension, value, label, number in rows:
        if number <= 0:
            continue
        values = found[(scope, dimension)]
        previous = values.get(value, (label, 0))[1]
        values[value] = (label or values.get(value, ("", 0))[0], previous + number)
    return found


def total(scope, audiences, measure="experiments"):
    counts = counted([scope], ["total"], audiences, measure).get((scope, "total"), {})
    return counts.get("", ("", 0))[1]
