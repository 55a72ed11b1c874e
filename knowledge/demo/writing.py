"""What a demo experiment says, written so that each one reads as its own team's.

The themes (themes.json) hold a handful of titles and texts each; 300 experiments drawn from them
at random gave 117 distinct titles and 41 distinct summaries, English lessons filed under German
and planned experiments with findings. So a Writer remembers what the network already says:
- a title or summary never repeats: a title gets the class, then the term, then the school;
  a summary ends with a sentence about this experiment's own class, length and stage;
- a text naming a subject ("i engelsk", "på tysk") or a band ("i udskolingen") is only used
  where that subject was chosen and that band teaches it;
- what an experiment reports follows its status: a planned one has no observations, findings or
  reflection yet; one in progress has at most a first finding.
"""

from knowledge.models import ExperimentStatus

from . import vocabulary as words

# Words that tie a text to a subject or to a band of grades (lower case, as found in the texts).
SUBJECT_WORDS = {
    "Engelsk": ("engelsk", "englænder"),
    "Tysk": ("tysk",),
    "Matematik": ("matematik",),
    "Fysik/kemi": ("fysik",),
    "Natur/teknologi": ("natur/teknologi",),
    "Teknologiforståelse": ("teknologiforståelse",),
    "Dansk": ("i dansk",),
    "Historie": ("historielærer",),
}
BAND_WORDS = {
    "indskoling": ("indskolingen", "begynder"),
    "mellemtrin": ("mellemtrinnet",),
    "udskoling": ("udskolingen",),
}
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]

SUMMARY_ENDINGS = {
    ExperimentStatus.COMPLETED: [
        "Forløbet varede {weeks} uger i {klasse}.",
        "Vi prøvede det af i {klasse} over {weeks} uger fra {month}.",
        "Det foregik i {klasse} i {weeks} uger, og her fortæller vi, hvad vi så.",
        "Efter {weeks} uger i {klasse} gjorde vi status sammen med eleverne.",
    ],
    ExperimentStatus.IN_PROGRESS: [
        "Vi er i gang i {klasse} og har planlagt {weeks} uger i alt.",
        "Forløbet i {klasse} startede i {month}; vi deler det, vi ser undervejs.",
        "Vi er midt i et forløb på {weeks} uger i {klasse}.",
    ],
    ExperimentStatus.PLANNED: [
        "Vi går i gang i {klasse} i {month} og regner med {weeks} uger.",
        "Forløbet i {klasse} begynder i {month}; vi beskriver planen her, før vi starter.",
        "Planen er {weeks} uger i {klasse} med start i {month}.",
    ],
}
# What a team adds to a finding about its own class: how many it held for, and when it showed.
FINDING_DETAILS = [
    "Det gjaldt {share} af de {pupils} elever i {klasse}.",
    "Vi så det hos {share} af {pupils} elever i {klasse}.",
    "I {klasse} viste det sig allerede efter {week} uger.",
    "Det blev tydeligt i {klasse} omkring uge {week}.",
    "{share} af de {pupils} elever i {klasse} sagde det selv ved den afsluttende samtale.",
    "I {klasse} holdt det for de fleste, men ikke for {rest} af eleverne.",
]
FINDING_DETAILS_WITHOUT_COUNT = [
    "I {klasse} viste det sig allerede efter {week} uger.",
    "Det blev tydeligt i {klasse} omkring uge {week}.",
    "Det så vi i {klasse}, men vi er ikke sikre på, at det holder i andre klasser.",
    "Vi så det i {klasse} i de sidste {week} uger af forløbet.",
]
PLANNED_NEXT_STEP = "Når forløbet er i gang, beskriver vi, hvad vi ser, og hvad eleverne siger."


def _mentions(text, vocabulary):
    lowered = text.lower()
    return {key for key, markers in vocabulary.items() if any(m in lowered for m in markers)}


def mentioned_subjects(text):
    """The subjects a text names outright ("Rollespil i engelsk" names Engelsk)."""
    return _mentions(text, SUBJECT_WORDS)


def fits(text, subjects, band):
    """Whether a text may stand on an experiment with these subjects, taught in this band."""
    return mentioned_subjects(text) <= set(subjects) and _mentions(text, BAND_WORDS) <= {band}


def fitting(options, subjects, band, text=lambda option: option):
    """The options that fit; all of them if none does (a theme must never run dry)."""
    chosen = [option for option in options if fits(text(option), subjects, band)]
    return chosen or list(options)


def choose_subjects(rng, theme, band):
    """One subject the band teaches (now and then a second), from the theme's subjects."""
    choices = [s for s in theme["subjects"] if s in words.BAND_SUBJECTS[band]] or theme["subjects"][
        :1
    ]
    first = rng.choice(choices)
    others = [s for s in choices if s != first and not SUBJECT_WORDS.get(s)]
    if others and not SUBJECT_WORDS.get(first) and rng.random() < 0.3:
        return [first, rng.choice(others)]
    return [first]


def term_name(date):
    return f"{'forår' if date.month < 8 else 'efterår'} {date.year}"


class Writer:
    """Writes the texts of a network's experiments, never repeating a title or a summary."""

    def __init__(self, rng):
        self.rng = rng
        self.titles = set()
        self.summaries = set()
        self.notes = set()
        self.findings = set()

    def title(self, theme, subjects, band, klasse, start, school):
        rng = self.rng
        options = fitting(theme["titles"], subjects, band)
        rng.shuffle(options)
        for base in options:
            named = base.format(klasse=klasse)
            candidates = [named] if "{klasse}" in base else [named, f"{named} i {klasse}"]
            candidates += [
                f"{candidates[-1]}, {term_name(start)}",
                f"{candidates[-1]} på {school}",
                f"{candidates[-1]} på {school}, {term_name(start)}",
            ]
            for candidate in candidates:
                candidate = candidate[0].upper() + candidate[1:]
                if candidate not in self.titles:
                    self.titles.add(candidate)
                    return candidate
        # Every form is taken (only in networks of many thousands): count this school's tries.
        number = 2
        while f"{candidate} ({number}. forsøg)" in self.titles:
            number += 1
        candidate = f"{candidate} ({number}. forsøg)"
        self.titles.add(candidate)
        return candidate

    def summary(self, theme, subjects, band, status, klasse, start, weeks, pupils):
        rng = self.rng
        bases = fitting(theme["summaries"], subjects, band)
        endings = list(SUMMARY_ENDINGS[status])
        pairs = [(b, e) for b in bases for e in endings]
        rng.shuffle(pairs)
        values = {"klasse": klasse, "weeks": weeks, "month": MONTHS[start.month - 1]}
        for base, ending in pairs:
            for extra in (
                "",
                f" {pupils} elever var med." if pupils else "",
                f" ({term_name(start)})",
            ):
                text = f"{base} {ending.format(**values)}{extra}"
                if text not in self.summaries:
                    self.summaries.add(text)
                    return text
        text = f"{base} {ending.format(**values)} ({term_name(start)}, {klasse}, {len(self.summaries)})"
        self.summaries.add(text)
        return text

    def finding(self, finding, klasse, weeks, pupils):
        """A theme's finding as this class found it: the statement with a sentence of its own
        (a share of its pupils, the week it showed), never the same finding twice."""
        rng = self.rng
        statement, kind, evidence = finding
        counted = bool(pupils) and pupils >= 5  # "14 af de 24 elever" needs a class to count in
        details = list(FINDING_DETAILS if counted else FINDING_DETAILS_WITHOUT_COUNT)
        rng.shuffle(details)
        pupils = pupils or 0
        for detail in details:
            share = rng.randint(max(1, pupils // 2), max(1, pupils - 1)) if pupils else 0
            values = {
                "klasse": klasse,
                "pupils": pupils,
                "share": share,
                "rest": max(1, pupils - share) if pupils else 1,
                "week": rng.randint(2, max(2, weeks or 2)),
            }
            text = f"{statement} {detail.format(**values)}"
            if text not in self.findings:
                self.findings.add(text)
                return (text, kind, evidence)
        text = f"{statement} ({klasse}, {len(self.findings)})"
        self.findings.add(text)
        return (text, kind, evidence)

    def reports(self, theme, subjects, band, status, klasse="", weeks=0, pupils=None):
        """Question, background and what the experiment reports so far, fitting its status."""
        rng = self.rng

        def one(key):
            return rng.choice(fitting(theme[key], subjects, band))

        findings_fit = fitting(theme["findings"], subjects, band, text=lambda f: f[0] + f[2])
        observations_fit = fitting(theme["observations"], subjects, band)
        if status == ExperimentStatus.COMPLETED:
            observations = rng.sample(observations_fit, min(2, len(observations_fit)))
            findings = rng.sample(findings_fit, rng.randint(1, min(3, len(findings_fit))))
            next_steps, reflection = one("next_steps"), rng.choice(words.REFLECTIONS)
        elif status == ExperimentStatus.IN_PROGRESS:
            observations = [rng.choice(observations_fit)]
            findings = [rng.choice(findings_fit)] if rng.random() < 0.4 else []
            next_steps, reflection = one("next_steps"), ""
        else:
            observations, findings, next_steps, reflection = [], [], PLANNED_NEXT_STEP, ""
        findings = [self.finding(f, klasse, weeks, pupils) for f in findings]
        return {
            "question": one("questions"),
            "background": f"<p>{one('backgrounds')}</p>",
            "observations": "".join(f"<p>{o}</p>" for o in observations),
            "next_steps": f"<p>{next_steps}</p>",
            "reflection": f"<p>{reflection}</p>" if reflection else "",
            "findings": findings,
        }

    def quote(self, theme, subjects, band):
        return self.rng.choice(
            fitting(theme["quotes"], subjects, band, text=lambda quote: quote[1])
        )

    def curator_note(self, title, school):
        """Why a curator put this experiment in a collection, in words of its own."""
        templates = list(words.CURATOR_NOTES)
        self.rng.shuffle(templates)
        for template in templates:
            note = template.format(title=title, school=school)
            if note not in self.notes:
                self.notes.add(note)
                return note
        return f"{templates[0].format(title=title, school=school)} (også i en anden samling)"
