"""What the demo network's colleagues say to each other: questions, the team's answers, remarks,
a few comments someone reported, and what each member follows.

Every sentence is said once in the whole network (a Talker remembers what was said): a text is
built from a topic's sentences with the experiment's own class, length, subject and the asker's
school in them, and a sentence already said is replaced by another or left out. What a question
asks follows the experiment's status: a planned experiment is asked about the plan, never about
its results.
"""

import re

from knowledge.models import ExperimentStatus

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Lars",
    "Søren",
    "Camilla",
    "Rasmus",
    "Louise",
    "Jesper",
    "Line",
    "Henrik",
    "Signe",
    "Mads",
    "Pernille",
    "Thomas",
    "Sofie",
    "Kasper",
    "Helle",
    "Niels",
    "Maria",
    "Jonas",
    "Trine",
    "Morten",
    "Ida",
    "Peter",
    "Karen",
    "Anders",
    "Julie",
    "Martin",
    "Lene",
    "Frederik",
]
LAST_NAMES = [
    "Holm",
    "Nielsen",
    "Jensen",
    "Kristensen",
    "Møller",
    "Lund",
    "Bech",
    "Dahl",
    "Skov",
    "Thomsen",
    "Frost",
    "Winther",
    "Kjær",
    "Bisgaard",
    "Mortensen",
    "Vestergaard",
    "Lauridsen",
    "Hald",
    "Sørensen",
    "Iversen",
]

# Openers a colleague may start with: where they write from and why they ask.
OPENERS = [
    "Vi er et par lærere på {school}, der overvejer noget lignende i {own_class}.",
    "Spændende læsning her fra {school}.",
    "Det her minder meget om det, vi har snakket om i teamet på {school}.",
    "Tak for en grundig beskrivelse, den har vi allerede vist til kollegerne på {school}.",
    "På {school} har vi prøvet noget, der ligner, i {own_class}, men vi gik i stå.",
    "Jeg faldt over jeres forsøg, da jeg ledte efter idéer til {own_class} på {school}.",
    "Vi står med præcis den udfordring i {own_class} på {school}.",
]

# Each topic: the questions that ask it (by the statuses they fit) and the team's answers.
ANY, STARTED = "any", "started"
TOPICS = [
    {
        "fits": STARTED,
        "questions": [
            "Hvordan organiserede I grupperne i {klasse}?",
            "Lavede I selv grupperne i {klasse}, eller valgte eleverne selv?",
            "Hvor mange elever var der i hver gruppe i {klasse}?",
            "Skiftede grupperne undervejs, eller holdt I fast i de samme i alle {weeks} uger?",
        ],
        "answers": [
            "Vi satte selv grupperne, fire i hver, og blandede de sikre og de mindre sikre elever.",
            "Den første uge valgte eleverne i {klasse} selv, men så endte de samme tre alene, så "
            "nu sætter vi grupperne i teamet hver mandag.",
            "Vi holdt os til makkerpar i {klasse}; grupper på fire blev for larmende i vores "
            "lokale.",
            "Vi byttede rundt efter halvdelen af forløbet, og det gav faktisk ny energi.",
        ],
    },
    {
        "fits": STARTED,
        "questions": [
            "Hvor lang tid brugte I på at forberede det hver uge?",
            "Hvor meget ekstra forberedelse krævede det af teamet i {subject}?",
            "Kunne I bruge jeres almindelige materialer i {subject}, eller lavede I alt fra "
            "bunden?",
        ],
        "answers": [
            "De første to uger brugte vi nok tre timer i teamet om ugen; efter {weeks} uger var "
            "det nede på en halv time.",
            "Det meste lavede vi på to teammøder inden start i {month}, og derefter var det "
            "mest at kopiere og justere.",
            "Ærligt talt mere end vi regnede med, især i starten, men det blev lettere, da "
            "eleverne kendte rutinen.",
            "Vi brugte bogsystemet som grundstamme og lavede kun opgaverne til "
            "gruppearbejdet selv.",
        ],
    },
    {
        "fits": STARTED,
        "questions": [
            "Hvordan tog forældrene imod det i {klasse}?",
            "Fortalte I forældrene om forsøget på forhånd?",
        ],
        "answers": [
            "Vi skrev om det på forældreintra i {month}, og et par forældre har siden spurgt, "
            "hvordan de kan hjælpe derhjemme.",
            "Vi fortalte om det på forældremødet, og det tog de fint imod; nogle var mest "
            "nysgerrige efter, om det tog tid fra andre ting.",
        ],
    },
    {
        "fits": STARTED,
        "questions": [
            "Hvordan gik det for de elever i {klasse}, der har svært ved at komme i gang?",
            "Havde I elever, der slet ikke ville være med, og hvad gjorde I så?",
            "Fik de fagligt stærke elever også noget ud af det?",
        ],
        "answers": [
            "Nogle få i {klasse} havde brug for en voksen ved siden af de første gange; vi lod "
            "dem starte med en lidt kortere opgave.",
            "Et par elever var skeptiske i starten, men det hjalp at give dem en fast rolle i "
            "gruppen.",
            "Vi aftalte med AKT-læreren, at hun var med i de første lektioner, og det gjorde en "
            "stor forskel for to af drengene.",
            "De stærke elever fik ekstraopgaver og blev tit dem, der forklarede for de andre.",
        ],
    },
    {
        "fits": ANY,
        "questions": [
            "Vil I dele jeres materialer til {subject}?",
            "Har I et skema eller en skabelon, vi må låne?",
            "Må vi se jeres årsplan for {subject}, så vi kan se, hvor forløbet passer ind?",
        ],
        "answers": [
            "Ja, selvfølgelig: skriv til mig, så sender jeg et link til vores mappe til {subject}.",
            "Vi har lagt det hele i en mappe, som vi gerne deler; ring til os på skolen, så "
            "finder vi ud af det.",
            "Årsplanen ligger på skolens intranet, men jeg sender den gerne som fil.",
        ],
    },
    {
        "fits": ANY,
        "questions": [
            "Hvordan får I plads til det i skemaet?",
            "Har I fået ekstra tid fra ledelsen til forsøget?",
            "Er jeres pædagoger også med i forsøget?",
        ],
        "answers": [
            "Vi lægger det i de to lektioner om ugen, hvor vi i forvejen er to lærere i {klasse}.",
            "Ledelsen har givet os en ekstra teamtime om ugen i de {weeks} uger, og det er "
            "afgørende.",
            "Ja, pædagogen i {klasse} er med i to af lektionerne og har haft en stor rolle.",
        ],
    },
    {
        "fits": STARTED,
        "questions": [
            "Hvordan målte I, om det virkede i {klasse}?",
            "Hvad sagde eleverne selv om det bagefter?",
            "Kunne I se en forskel på elevernes arbejde efter de første par uger?",
        ],
        "answers": [
            "Vi lavede en kort spørgeskemaundersøgelse før og efter og så på elevernes "
            "produkter undervejs.",
            "Eleverne i {klasse} skrev tre linjer i deres logbog hver fredag, og dem læste vi "
            "igennem i teamet.",
            "De fleste sagde, at det var sjovere end det plejer, og et par stykker spurgte, om "
            "vi ikke kunne fortsætte.",
            "Ja, især i de skriftlige opgaver: de blev længere og mere præcise.",
        ],
    },
    {
        "fits": STARTED,
        "questions": [
            "Hvad ville I gøre anderledes, hvis I startede forfra i {klasse}?",
            "Var der noget, der overraskede jer undervejs?",
            "Fortsætter I med det efter forsøget?",
        ],
        "answers": [
            "Vi ville bruge mere tid på at forklare eleverne i {klasse} hvorfor, inden vi gik i "
            "gang.",
            "Vi blev overraskede over, hvor hurtigt de stille elever kom på banen, når de "
            "arbejdede i mindre grupper.",
            "Vi ville starte i en enkelt klasse først og lade de andre komme med efter et par "
            "uger.",
            "Ja, det er blevet en fast del af ugen, og parallelklassen vil gerne med næste år.",
        ],
    },
    {
        "fits": ExperimentStatus.PLANNED,
        "questions": [
            "Hvornår regner I med at kunne fortælle om de første erfaringer fra {klasse}?",
            "Har I overvejet at starte i en enkelt klasse først?",
            "Hvordan vil I vide, om det har virket, når de {weeks} uger er gået?",
            "Hvordan vil I sætte grupperne, når I går i gang?",
            "Skal forældrene have besked, inden I starter?",
            "Hvor meget forberedelse regner I med, før I kan gå i gang i {month}?",
        ],
        "answers": [
            "Vi skriver en første status her, når vi har været i gang en måned efter start i "
            "{month}.",
            "Vi laver en lille undersøgelse med eleverne før start og igen til sidst, så vi har "
            "noget at sammenligne med.",
            "Ja, vi starter i {klasse} og tager de andre klasser med, hvis det går godt.",
            "Vi sætter dem selv, så hver gruppe har en elev, der kan holde styr på tiden.",
            "Ja, de får et brev på forældreintra ugen før, vi går i gang.",
            "Vi har afsat to teammøder i {month} til at lave materialerne færdige.",
        ],
    },
]

CLOSINGS = [
    "Hilsen {name}",
    "Skriv endelig, hvis du har flere spørgsmål.",
    "Kom gerne forbi og se det, hvis I har en dag på {school}.",
    "God fornøjelse, hvis I prøver det!",
    "Fortæl os gerne, hvordan det går hos jer på {school}.",
]

REMARKS = [
    "Tak for at dele det. Vi prøver idéen af i {own_class} på {school} efter ferien.",
    "Rigtig god idé med logbogen; den tager vi med på næste teammøde på {school}.",
    "Det er dejligt at læse, at det også kan lade sig gøre i {klasse}.",
    "Vi har gjort noget lignende i {own_class} og kan genkende meget af det, I skriver.",
    "Fin beskrivelse af forløbet i {subject}, den var nem at gå til.",
    "Godt at I også skriver om det, der ikke virkede; det er mindst lige så lærerigt.",
    "Jeg har delt jeres forsøg med vores fagudvalg i {subject} på {school}.",
    "Sikke et flot stykke arbejde, og hvor er det godt beskrevet.",
]

# Comments a member rightly reports to the school's leaders: a pupil named, an advert, a jibe.
REPORTED = [
    "Er det ikke Emma fra {klasse}, der er med på billedet? Hun ligner sig selv!",
    "Jeg sælger færdige forløb om netop det her til 299 kr. Skriv til mig privat for et tilbud.",
    "Det lyder mest som spild af elevernes tid, hvis I spørger mig.",
    "Vi fik aldrig svar på vores mail til jer, så jeg skriver det her i stedet: det er "
    "uprofessionelt.",
]


def sentences(text):
    """The sentences of a text (what must never be said twice in the network)."""
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def fits(topic, status):
    if topic["fits"] == ANY:
        return True
    if topic["fits"] == STARTED:
        return status != ExperimentStatus.PLANNED
    return topic["fits"] == status


def demo_name(number):
    """A Danish name of its own for the demo colleague with this number."""
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[(number // len(FIRST_NAMES) + number) % len(LAST_NAMES)]
    return first, last


#: How often one template may be used in the network, filled in differently each time: more
#: and the same sentence with another class in it starts to read as machine-made.
USES_PER_TEMPLATE = 3


class Talker:
    """Writes the network's comments, never saying a sentence twice."""

    def __init__(self, rng):
        self.rng = rng
        self.said = set()
        self.uses = {}

    def _new(self, templates, values):
        """One of the templates, filled in, none of whose sentences has been said; None if
        every one of them has."""
        options = [t for t in templates if self.uses.get(t, 0) < USES_PER_TEMPLATE]
        self.rng.shuffle(options)
        for template in options:
            text = template.format(**values)
            parts = sentences(text)
            if not self.said.intersection(parts):
                self.said.update(parts)
                self.uses[template] = self.uses.get(template, 0) + 1
                return text
        return None

    def _join(self, *sentences):
        return " ".join(s for s in sentences if s)

    def question(self, status, values):
        """(the question's text, its topic), or None when every fitting question was asked."""
        topics = [t for t in TOPICS if fits(t, status)]
        self.rng.shuffle(topics)
        for topic in topics:
            asked = self._new(topic["questions"], values)
            if asked:
                opener = self._new(OPENERS, values) if self.rng.random() < 0.5 else None
                return self._join(opener, asked), topic
        return None

    def answer(self, topic, values):
        said = self._new(topic["answers"], values)
        if said is None:
            return None
        closing = self._new(CLOSINGS, values) if self.rng.random() < 0.4 else None
        return self._join(said, closing)

    def remark(self, values):
        return self._new(REMARKS, values)

    def reported(self, values):
        return self._new(REPORTED, values)
