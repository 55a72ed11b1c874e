"""The demo network's colleagues and what they say: members in every team, their questions on
each other's experiments with the team's answers, a few comments someone reported to a school's
leaders, and the schools, tags, collections and experiments they follow with their digest choice.

Written in bulk (one INSERT per table and batch) like the experiments: 13 queries, about
0.15 s, for the 118 comments of the default network of 300 experiments (92 for 100). What bounds
their number is what can be said without repeating a sentence, not the network's size. Comments stand only on live
experiments, and only members who may read one write on it: every demo member is logged in
and the demo's restrictions are "logged-in members only", so a live members-only experiment is
theirs to discuss, a draft is no one's.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from taggit.models import Tag

from knowledge.conversation.models import (
    Comment,
    CommentReport,
    DigestFrequency,
    DigestSettings,
    Follow,
    FollowKind,
)
from knowledge.models import CollectionPage
from schools.models import TeacherTeam

from .talk import Talker, demo_name
from .writing import MONTHS

#: The prefix of every demo colleague's username (removed again by load_demo_network --reset).
COLLEAGUE_PREFIX = "demo-kollega-"
#: The share of live experiments someone asks about, and how many questions each gets at most.
DISCUSSED_SHARE = 0.3
MOST_QUESTIONS = 2
ANSWERED_SHARE = 0.75
REMARK_SHARE = 0.2
REPORTS = 4
FREQUENCIES = [DigestFrequency.WEEKLY] * 3 + [DigestFrequency.DAILY] * 2 + [DigestFrequency.NEVER]


@dataclass
class Colleague:
    user: object
    school: object
    team: object


class ConversationBuilder:
    def __init__(self, rng, now, schools, teams, planned, accounts):
        self.rng = rng
        self.now = now
        self.schools = schools
        self.teams = teams  # {school pk: [TeacherTeam]}
        self.planned = planned
        self.accounts = {account.role: account for account in accounts}
        self.talker = Talker(rng)

    def build(self):
        colleagues = self._create_colleagues()
        comments, reported = self._create_comments(colleagues)
        self._create_reports(reported, colleagues)
        self._create_follows(colleagues)
        return len(comments)

    # People ------------------------------------------------------------------

    def _create_colleagues(self):
        """One or two members in every team (the demo teacher's team has them too), all with
        an unusable password: they speak in the demo, nobody logs in as them."""
        User = get_user_model()
        unusable = make_password(None)
        plans = []
        for school in self.schools:
            for team in self.teams[school.pk]:
                for _ in range(self.rng.choice([1, 2])):
                    plans.append((school, team))
        users = []
        for number in range(len(plans)):
            first, last = demo_name(number)
            users.append(
                User(
                    username=f"{COLLEAGUE_PREFIX}{number + 1}",
                    first_name=first,
                    last_name=last,
                    email=f"{COLLEAGUE_PREFIX}{number + 1}@example.dk",
                    password=unusable,
                )
            )
        users = User.objects.bulk_create(users)
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=user.pk, group_id=school.teachers_group_id)
            for user, (school, _team) in zip(users, plans)
        )
        TeacherTeam.members.through.objects.bulk_create(
            TeacherTeam.members.through(teacherteam_id=team.pk, user_id=user.pk)
            for user, (_school, team) in zip(users, plans)
        )
        colleagues = [Colleague(user, school, team) for user, (school, team) in zip(users, plans)]
        demo_teacher = User.objects.get(username=self.accounts["teacher"].username)
        first_school = self.schools[0]
        colleagues.append(Colleague(demo_teacher, first_school, self.teams[first_school.pk][0]))
        return colleagues

    # Comments ----------------------------------------------------------------

    def _moment_after(self, start, most_hours):
        """A moment after start, within most_hours, and before the network was built."""
        moment = start + datetime.timedelta(minutes=self.rng.randint(30, most_hours * 60))
        latest = self.now - datetime.timedelta(minutes=5)
        if moment > latest:
            moment = start + (latest - start) * self.rng.uniform(0.2, 0.9)
        return max(moment, start + datetime.timedelta(seconds=1))

    def _values(self, item, asker):
        return {
            "klasse": item.klasse,
            "weeks": item.weeks,
            "subject": item.subjects[0].lower(),
            "month": MONTHS[item.page.start_date.month - 1],
            "school": asker.school.title,
            "own_class": f"{self.rng.randint(1, 9)}.{self.rng.choice('abc')}",
            "name": "",
        }

    def _create_comments(self, colleagues):
        """Questions (some with the team's answer), remarks, and the texts to be reported."""
        rng = self.rng
        by_team = {}
        for colleague in colleagues:
            by_team.setdefault(colleague.team.pk, []).append(colleague)
        live = [item for item in self.planned if item.page.live]
        discussed = [item for item in live if rng.random() < DISCUSSED_SHARE]
        # The demo teacher's team and the demo leader's school are always talked about.
        first_school = self.schools[0]
        discussed += [
            item for item in live if item.school.pk == first_school.pk and item not in discussed
        ][:4]
        questions, answers, reported = [], [], []
        for item in discussed:
            page = item.page
            outsiders = [c for c in colleagues if c.school.pk != item.school.pk]
            team = by_team.get(page.team_id, [])
            moment = page.first_published_at
            for _ in range(rng.randint(1, MOST_QUESTIONS)):
                asker = rng.choice(outsiders)
                values = self._values(item, asker)
                asked = self.talker.question(page.status, values)
                if asked is None:
                    break
                text, topic = asked
                moment = self._moment_after(moment, 24 * 10)
                question = Comment(experiment_id=page.pk, author=asker.user, body=text)
                question.written = moment
                questions.append(question)
                if team and rng.random() < ANSWERED_SHARE:
                    answerer = rng.choice(team)
                    values["name"] = answerer.user.first_name
                    values["school"] = item.school.title
                    said = self.talker.answer(topic, values)
                    if said:
                        reply = Comment(experiment_id=page.pk, author=answerer.user, body=said)
                        reply.written = self._moment_after(moment, 48)
                        answers.append((question, reply))
            if rng.random() < REMARK_SHARE:
                asker = rng.choice(outsiders)
                said = self.talker.remark(self._values(item, asker))
                if said:
                    remark = Comment(experiment_id=page.pk, author=asker.user, body=said)
                    remark.written = self._moment_after(page.first_published_at, 24 * 20)
                    questions.append(remark)
        # A few comments someone reported, half of them at the demo leader's school.
        at_first_school = [i for i in discussed if i.school.pk == first_school.pk]
        elsewhere = [i for i in discussed if i.school.pk != first_school.pk]
        for number in range(REPORTS):
            pool = at_first_school if number % 2 == 0 and at_first_school else elsewhere
            if not pool:
                continue
            item = rng.choice(pool)
            asker = rng.choice([c for c in colleagues if c.school.pk != item.school.pk])
            said = self.talker.reported(self._values(item, asker))
            if said:
                comment = Comment(experiment_id=item.page.pk, author=asker.user, body=said)
                comment.written = self._moment_after(item.page.first_published_at, 24 * 5)
                questions.append(comment)
                reported.append((comment, item))
        return self._insert(questions, answers), reported

    def _insert(self, questions, answers):
        """bulk_create stamps created_at with now (auto_now_add); bulk_update then sets the
        moment each was written."""
        questions = Comment.objects.bulk_create(questions)
        for question, reply in answers:
            reply.parent_id = question.pk
        replies = Comment.objects.bulk_create([reply for _q, reply in answers])
        written = questions + replies
        for comment in written:
            comment.created_at = comment.written
        Comment.objects.bulk_update(written, ["created_at"], batch_size=500)
        return written

    def _create_reports(self, reported, colleagues):
        reports = []
        for comment, _item in reported:
            readers = [c for c in colleagues if c.user.pk != comment.author_id]
            for reporter in self.rng.sample(readers, self.rng.choice([1, 1, 2])):
                reports.append(CommentReport(comment_id=comment.pk, reporter=reporter.user))
        CommentReport.objects.bulk_create(reports)

    # Follows -----------------------------------------------------------------

    def _create_follows(self, colleagues):
        """What members follow, and how often each wants the digest (some want no e-mail)."""
        rng = self.rng
        live = [item.page for item in self.planned if item.page.live]
        collections = list(CollectionPage.objects.live().values_list("pk", flat=True))
        tags = sorted({name for item in self.planned for name in item.tags})
        tag_ids = dict(Tag.objects.filter(name__in=tags).values_list("name", "pk"))
        User = get_user_model()
        people = [c.user for c in colleagues] + list(
            User.objects.filter(
                username__in=[self.accounts[r].username for r in ("leader", "curator")]
            )
        )
        follows, settings = [], []
        for user in people:
            demo_account = not user.username.startswith(COLLEAGUE_PREFIX)
            if not demo_account and rng.random() < 0.4:
                continue  # not every colleague follows anything
            chosen = set()
            school = rng.choice(self.schools)
            chosen.add((FollowKind.SCHOOL, school.pk, None))
            for name in rng.sample(tags, min(len(tags), rng.randint(1, 2))):
                chosen.add((FollowKind.TAG, None, tag_ids[name]))
            if collections and rng.random() < 0.5:
                chosen.add((FollowKind.COLLECTION, rng.choice(collections), None))
            for page in rng.sample(live, min(len(live), rng.randint(0, 2))):
                chosen.add((FollowKind.EXPERIMENT, page.pk, None))
            follows += [
                Follow(user=user, kind=kind, page_id=page_id, tag_id=tag_id)
                for kind, page_id, tag_id in sorted(chosen, key=str)
            ]
            frequency = DigestFrequency.WEEKLY if demo_account else rng.choice(FREQUENCIES)
            settings.append(DigestSettings(user=user, frequency=frequency))
        Follow.objects.bulk_create(follows)
        DigestSettings.objects.bulk_create(settings)
