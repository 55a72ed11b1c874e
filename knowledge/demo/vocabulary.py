"""Hand-written Danish building blocks for the demo network.

Experiments are composed from these fragments, theme by theme, so that each one reads like a
teacher team writing about its own practice. The places are invented; any likeness to a real
school is a coincidence of common Danish place names.
"""

import json
from pathlib import Path

MUNICIPALITIES = [
    {
        "name": "Aarhus Kommune",
        "intro": "Aarhus' skoler deler her de prøvehandlinger, lærerteamene har arbejdet med, "
        "fra læsning i indskolingen til naturfag i udskolingen.",
        "schools": [
            (
                "Kildebakkeskolen",
                "Kildebakken 12",
                "8210",
                "Aarhus V",
                "En tresporet skole med egen skolehave og et stærkt fællesskab om læsning.",
            ),
            (
                "Havnevangens Skole",
                "Havnevangen 3",
                "8000",
                "Aarhus C",
                "Byskole tæt på havnen, hvor mange elever har et andet modersmål end dansk.",
            ),
            (
                "Egebjergskolen",
                "Egebjergvej 40",
                "8220",
                "Brabrand",
                "Skolen har to-lærerordning i indskolingen og arbejder meget med elevinddragelse.",
            ),
            (
                "Lystrupvængets Skole",
                "Vængevej 8",
                "8520",
                "Lystrup",
                "En mellemstor skole med udeskole på alle årgange og skov lige bag idrætshallen.",
            ),
            (
                "Tranbjerg Østskole",
                "Østergårdsvej 21",
                "8310",
                "Tranbjerg J",
                "Skolen har et naturfagscenter og et tæt samarbejde med den lokale klub.",
            ),
        ],
    },
    {
        "name": "Odense Kommune",
        "intro": "I Odense deler skolerne erfaringer på tværs af distrikterne, så et godt forsøg "
        "på én skole kan prøves af på den næste.",
        "schools": [
            (
                "Åløkkeskolen",
                "Åløkke Allé 15",
                "5000",
                "Odense C",
                "En skole midt i byen med fokus på trivsel, fællesskab og tydelige rammer.",
            ),
            (
                "Bellinge Bakkeskole",
                "Bakkevej 2",
                "5250",
                "Odense SV",
                "Landsbyskole i byens kant med små klasser og aldersblandede hold i indskolingen.",
            ),
            (
                "Hjallese Vestskole",
                "Vestergade 77",
                "5260",
                "Odense S",
                "Skolen arbejder systematisk med feedback og har et stærkt matematikteam.",
            ),
            (
                "Rosenlundskolen",
                "Rosenlund 9",
                "5220",
                "Odense SØ",
                "Skolen har en stor andel tosprogede elever og et veludbygget læsebånd.",
            ),
        ],
    },
    {
        "name": "Vejle Kommune",
        "intro": "Vejles skoler bruger netværket til at dele prøvehandlinger om bevægelse, "
        "udeskole og digital dannelse.",
        "schools": [
            (
                "Fjordbakkeskolen",
                "Fjordvej 31",
                "7100",
                "Vejle",
                "En skole med udsigt over fjorden, hvor udeskole og naturfag fylder meget.",
            ),
            (
                "Søndermarkens Skole",
                "Søndermarken 6",
                "7100",
                "Vejle",
                "Skolen har valgt bevægelse som gennemgående indsats på alle klassetrin.",
            ),
            (
                "Jelling Engskole",
                "Engvej 18",
                "7300",
                "Jelling",
                "En skole med historien tæt på, og med kildekritik som fælles fokus i udskolingen.",
            ),
            (
                "Børkop Nordskole",
                "Nordre Allé 4",
                "7080",
                "Børkop",
                "Skolen har arbejdet med teknologiforståelse og makerspace i flere år.",
            ),
        ],
    },
    {
        "name": "Roskilde Kommune",
        "intro": "Roskildes lærerteam deler her, hvad de har prøvet af, hvad de så, og hvad "
        "de vil gøre anderledes næste gang.",
        "schools": [
            (
                "Domkirkeskolen",
                "Domkirkestræde 5",
                "4000",
                "Roskilde",
                "En gammel byskole med nye læringsmiljøer og et stærkt samarbejde med forældrene.",
            ),
            (
                "Himmelev Bakkeskole",
                "Himmelev Bygade 60",
                "4000",
                "Roskilde",
                "Skolen arbejder med co-teaching og fælles planlægning i årgangsteam.",
            ),
            (
                "Viby Kirkeskole",
                "Kirkevej 11",
                "4130",
                "Viby Sjælland",
                "En landsbyskole med skolehave, små hold og meget undervisning uden for klasselokalet.",
            ),
            (
                "Trekronerskolen",
                "Trekroner Allé 22",
                "4000",
                "Roskilde",
                "Skolen er bygget omkring åbne læringsmiljøer og arbejder med elevstemmer i undervisningen.",
            ),
        ],
    },
]

SUBJECTS = [
    "Dansk",
    "Matematik",
    "Engelsk",
    "Tysk",
    "Fransk",
    "Natur/teknologi",
    "Biologi",
    "Fysik/kemi",
    "Geografi",
    "Historie",
    "Samfundsfag",
    "Kristendomskundskab",
    "Billedkunst",
    "Musik",
    "Idræt",
    "Håndværk og design",
    "Madkundskab",
    "Teknologiforståelse",
]

# Team names per grade band; a school gets two or three teams (see builder.TEAM_PLAN).
TEAM_NAMES = {
    "indskoling": ["Indskolingsteamet", "Team 0.-1. klasse", "Team 2.-3. klasse"],
    "mellemtrin": ["Mellemtrinnet", "Team 4.-5. klasse", "Naturfagsteamet på mellemtrinnet"],
    "udskoling": ["Udskolingen", "Team 7.-9. klasse", "Det humanistiske team i udskolingen"],
}
BAND_GRADES = {"indskoling": [0, 1, 2, 3], "mellemtrin": [4, 5, 6], "udskoling": [7, 8, 9]}
BAND_SUBJECTS = {
    "indskoling": ["Dansk", "Matematik", "Natur/teknologi", "Idræt", "Musik", "Billedkunst"],
    "mellemtrin": [
        "Dansk",
        "Matematik",
        "Engelsk",
        "Natur/teknologi",
        "Historie",
        "Håndværk og design",
    ],
    "udskoling": [
        "Dansk",
        "Matematik",
        "Engelsk",
        "Tysk",
        "Fysik/kemi",
        "Biologi",
        "Geografi",
        "Samfundsfag",
        "Historie",
    ],
}

# Tags used rarely, on a few experiments across the network.
RARE_TAGS = [
    "skolehave",
    "podcast",
    "skak",
    "geocaching",
    "lego",
    "fagdag",
    "tegneserier",
    "klassens time",
    "brætspil",
    "robotter",
    "kor",
    "stopmotion",
    "forældrekaffe",
    "legepatruljen",
]

# Shared widely: added to experiments of any theme now and then.
COMMON_TAGS = ["elevinddragelse", "feedback", "trivsel", "samarbejde i teamet"]

# The themes (what an experiment is about, with its titles, texts, tags and findings) are data:
# themes.json beside this file, read when a demo network is built.
THEMES = json.loads(Path(__file__).with_name("themes.json").read_text(encoding="utf-8"))

REFLECTIONS = [
    "Vi har lært, at små ændringer, der bliver gjort hver dag, betyder mere end store projekter, der kun sker en gang imellem.",
    "Det var vigtigt, at vi var flere i teamet, der prøvede det samme. Så kunne vi tale om, hvad vi så.",
    "Forsøget tog længere tid at komme i gang med, end vi havde regnet med. Næste gang vil vi give det mindst seks uger.",
    "Vi skulle have målt mere systematisk fra starten. Meget af det, vi ved, bygger på vores egne noter.",
    "Det mest værdifulde har været samtalerne i teamet om, hvad eleverne egentlig lærer.",
    "Eleverne har vist os, at de kan mere, end vi troede, når de får ansvar.",
    "Ikke alt lykkedes, men vi ved nu meget mere om, hvad der virker for netop vores elever.",
    "Vi har oplevet, at forældrene er interesserede, når vi fortæller, hvad vi prøver af og hvorfor.",
    "Det krævede, at ledelsen gav os tid til at mødes. Uden den tid var forsøget ikke blevet til noget.",
    "Vi tror, resultaterne kunne blive endnu tydeligere, hvis vi fortsætter et helt skoleår.",
]

LINK_SENTENCES = {
    "replicates": "Vi gentog et forsøg fra {school}, så tæt på deres beskrivelse som muligt.",
    "adapts": "Vi lod os inspirere af et forsøg fra {school} og tilpassede det til vores elever.",
    "extends": "Vi byggede videre på et forsøg fra {school} og tilføjede et nyt element.",
    "contradicts": "Et forsøg fra {school} pegede i en anden retning, og vi ville se, om det også gjaldt hos os.",
}

COLLECTIONS = [
    (
        "Kom godt i gang med læsning",
        "læsning",
        "Forsøg fra kommunens skoler om læselyst og læsemakkere, udvalgt til team, der vil i gang.",
    ),
    (
        "Trivsel og fællesskab",
        "trivsel",
        "Prøvehandlinger om frikvarterer, morgenmøder og relationer, som andre skoler kan bygge videre på.",
    ),
    (
        "Matematik, der taler",
        "matematik",
        "Forsøg med matematiksamtaler, åbne opgaver og konkreter.",
    ),
    (
        "Undervisning uden for klasselokalet",
        "udeskole",
        "Udeskole og bevægelse: hvad skolerne har prøvet, og hvad de lærte.",
    ),
    (
        "Feedback, der bliver brugt",
        "feedback",
        "Forsøg med exit-sedler, elevsamtaler og feedback uden karakterer.",
    ),
    (
        "To voksne i klassen",
        "co-teaching",
        "Erfaringer med co-teaching og fleksible hold, samlet til skolernes ledelser og team.",
    ),
]

# Why a curator chose an experiment: {title} and {school} make each note the experiment's own.
CURATOR_NOTES = [
    "Et godt sted at starte: „{title}“ er enkelt at gå i gang med og kræver ingen særlige materialer.",
    "Læg mærke til, hvordan teamet på {school} målte før og efter. Det kan de fleste skoler gøre på samme måde.",
    "I „{title}“ er resultaterne tydelige, og {school} beskriver ærligt, hvad der ikke virkede.",
    "„{title}“ viser, hvordan et forsøg kan tilpasses elever med vidt forskellige forudsætninger.",
    "Et godt eksempel på, hvordan et forsøg kan gentages: {school} fortæller præcist, hvad de gjorde.",
    "Læs især refleksionen i „{title}“: den rummer gode råd om tid og planlægning.",
    "Teamet på {school} arbejdede med få elever ad gangen; læs, hvordan de fik plads til det i skemaet.",
    "„{title}“ er med, fordi eleverne selv kommer til orde i beskrivelsen.",
    "Vi har valgt {school}s forsøg, fordi det kan gennemføres uden ekstra timer.",
    "Bemærk, hvordan „{title}“ inddrager forældrene undervejs.",
    "Et forsøg, der viser, at det tager tid: {school} gav det et helt forløb, før de gjorde status.",
    "„{title}“ passer godt til team, der vil prøve noget nyt sammen med en kollega.",
]
