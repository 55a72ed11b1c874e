"""Helpers for the voices tests: the small labelled set and how to score a picture."""

import csv
import random
from pathlib import Path

SMALL_SET = Path(__file__).parent / "small_set.csv"


def small_set_labels():
    with open(SMALL_SET, encoding="utf-8") as handle:
        return {row["id"]: row["themes"] for row in csv.DictReader(handle)}


def members_of(labels, slug):
    return {answer_id for answer_id, theme in labels.items() if theme == slug}


def best_theme_for(picture_themes, members):
    """The found theme holding most of ``members``, as (theme answers set, overlap)."""
    best = max(picture_themes, key=lambda theme: len(members & set(theme["answers"])))
    return set(best["answers"]), len(members & set(best["answers"]))


def make_question(owner, **fields):
    """An open question owned by a school or a municipality page."""
    from knowledge.voices.models import OpenQuestion
    from schools.models import SchoolPage

    key = "owner_school" if isinstance(owner, SchoolPage) else "owner_municipality"
    fields.setdefault("question", "Hvad skal der til, for at flere elever får lyst til at læse?")
    return OpenQuestion.objects.create(**{key: owner}, **fields)


def add_answers(question, texts, school=None, group="pupil"):
    from knowledge.voices.models import Answer

    return [
        Answer.objects.create(
            question=question, text=text, group=group, school=school or question.owner_school
        )
        for text in texts
    ]


#: Three things people say, each in a few wordings (the picture tests' answers).
BOOKS = [
    "flere nye bøger på skolebiblioteket",
    "biblioteket skal have nye bøger om heste",
    "nye bøger til biblioteket og flere tegneserier",
    "flere spændende bøger på biblioteket",
    "bøger om fodbold på biblioteket",
]
PHONES = [
    "mindre tid på mobilen om aftenen",
    "mobilen skal væk når man læser",
    "mindre mobil og skærm derhjemme",
    "læg mobilen væk om aftenen",
    "ingen mobil ved sengetid",
]
READING_TIME = [
    "mere ro til at læse i timerne",
    "læsebånd hver morgen med ro i klassen",
    "ro og tid til frilæsning i skolen",
    "et stille læsebånd om morgenen",
    "tid til at læse i ro i klassen",
]


def analysed(question, words_only=True):
    """Run the site's theme analysis task on the question now; ``words_only`` leaves the
    sentence model out (as when it is absent), which keeps small tests fast."""
    from knowledge.voices import tasks

    analysis = tasks.start_analysis(question)
    original = tasks.load_embedder
    if words_only:
        tasks.load_embedder = lambda: None
    try:
        tasks.run_analysis.call(analysis.pk)
    finally:
        tasks.load_embedder = original
    analysis.refresh_from_db()
    assert analysis.status == "done", analysis.error
    return analysis


# Pupils and adults saying the same things in their own styles (the style tests' answers).

#: Six things people say about reading, each in five wordings that share the theme's words.
SAID = {
    "bibliotek": [
        "nye bøger på biblioteket",
        "biblioteket skal have åbent i frikvarteret",
        "flere bøger på skolebiblioteket",
        "en bibliotekar på biblioteket som kan anbefale bøger",
        "biblioteket skal købe nye bøger",
    ],
    "skaerm": [
        "mindre tid på mobilen",
        "mobilen skal væk om aftenen",
        "mindre skærm og mobil",
        "mobilen tager al tiden fra bøgerne",
        "ingen mobil ved sengetid",
    ],
    "lydbog": [
        "lydbøger man kan høre i bussen",
        "flere lydbøger og e-bøger",
        "at høre lydbøger i stedet for at læse",
        "lydbøger på tabletten",
        "lydbøger når man er træt",
    ],
    "selvvalg": [
        "selv at vælge hvilke bøger man læser",
        "at vælge bøger om det man interesserer sig for",
        "frit valg af bøger i læsebåndet",
        "selv at vælge sin bog",
        "at man selv må vælge bogen",
    ],
    "hoejt": [
        "at forældre læser højt om aftenen",
        "at læse højt sammen derhjemme",
        "højtlæsning i familien",
        "at mor og far læser højt",
        "højtlæsning ved sengetid med forældrene",
    ],
    "bogklub": [
        "en bogklub med vennerne",
        "at læse sammen med venner i en bogklub",
        "at snakke om bøgerne i en bogklub",
        "en bogklub i klassen",
        "en bogklub efter skole",
    ],
}
PUPIL_OPENERS = [
    "",
    "",
    "altså ",
    "øhm ",
    "jeg syns ",
    "det ville være mega fedt med ",
    "ik ",
    "måske ",
    "hmm ",
    "det skal være ",
    "vi vil ha ",
]
PUPIL_CLOSERS = [
    "",
    "",
    " lol",
    " ik",
    " det er bare kedeligt ellers",
    " fordi det er sjovt",
    "!!",
    " haha",
    " :)",
    " så ville jeg læse mere",
    " plz",
]
#: An adult's sentence around the content: who speaks, how they put it, and a closing remark,
#: drawn apart so that no wording repeats as a whole (as adults' answers rarely do).
ADULT_SPEAKERS = [
    "Som forælder",
    "Som mor til to",
    "Som far",
    "Personligt",
    "For vores familie",
    "Set fra hjemmet",
    "Helt overordnet",
    "Efter flere års erfaring",
]
ADULT_VIEWS = [
    "oplever jeg, at det vil hjælpe med",
    "mener jeg, at der er behov for",
    "er det min vurdering, at løsningen er",
    "vil jeg foreslå",
    "tænker jeg, at man bør satse på",
    "er det afgørende med",
    "ser jeg et klart behov for",
    "vil jeg gerne pege på",
]
ADULT_CLOSERS = [
    ".",
    ".",
    ". Det vil efter min mening styrke læselysten.",
    ". Det håber jeg, at I vil tage med.",
    ". Dette bør prioriteres.",
    ", hvilket jeg håber, at skolen vil overveje.",
    ". Tak for muligheden for at bidrage.",
    ". Det har vi gode erfaringer med.",
    ", og det gælder efter min opfattelse for alle børn.",
]
#: Sound spellings pupils write ("ig" as "i", a final "er" as "a", a silent "d" left out).
SOUND_SPELLINGS = [("ig", "i"), ("er", "a"), ("nd", "n"), ("ld", "l"), ("æ", "e"), ("ø", "ö")]


def misspelt(word, rng):
    """A pupil's spelling of a word: a letter dropped, doubled or swapped, or spelt by sound."""
    if len(word) < 5 or rng.random() > 0.35:
        return word
    kind = rng.randrange(4)
    if kind == 3:
        for written, sounded in SOUND_SPELLINGS:
            if written in word[1:]:
                return word[0] + word[1:].replace(written, sounded, 1)
        return word
    i = rng.randrange(1, len(word) - 2)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def as_pupil(content, rng):
    words = " ".join(misspelt(w, rng) for w in content.split())
    return (rng.choice(PUPIL_OPENERS) + words + rng.choice(PUPIL_CLOSERS)).lower()


def as_adult(content, rng):
    speaker, view = rng.choice(ADULT_SPEAKERS), rng.choice(ADULT_VIEWS)
    sentence = f"{speaker} {view} {content}{rng.choice(ADULT_CLOSERS)}"
    return sentence[0].upper() + sentence[1:]


def styled_answers(counts, seed=0):
    """Made-up answers of pupils and parents saying the same things in their own styles:
    ``counts`` maps a theme of ``SAID`` to (pupils, parents); gives (id, text, group, theme)."""
    rng = random.Random(seed)
    rows = []
    for theme, (pupils, parents) in counts.items():
        for group, number, write in (("pupil", pupils, as_pupil), ("parent", parents, as_adult)):
            for k in range(number):
                content = SAID[theme][k % len(SAID[theme])]
                rows.append((f"{theme}-{group}-{k}", write(content, rng), group, theme))
    rng.shuffle(rows)
    return rows
