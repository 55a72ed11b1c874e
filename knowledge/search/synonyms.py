"""Words Danish teachers and school leaders use for the same thing, for search at query time.

A visitor typing "pjæk" should find the experiment about "fravær", one typing "ordblind" the one
about "dysleksi". Each group lists words that stand in for each other; a member may be several
words ("ulovligt fravær"). The Whoosh backend reads the groups at every search (backend option
``SYNONYMS``), weighs a synonym below the word typed, and needs no re-indexing when they change.

Built from the field's own vocabulary (folkeskoleloven, the ministry's and the municipalities'
words, what teachers write in the demo network and in practice reports), not from a general
thesaurus. Debian's ``mythes-da`` 7.5 (LibreOffice's Danish thesaurus) has no entry for "pjæk",
"skolevægring", "ordblind", "lektier", "trivsel", "inklusion" or "mobning", gives "fravær" only
"mangel" and "prøve" blood and urine samples; the few school pairs it has (dysleksi/ordblindhed,
vikar/afløser, eksamen/afgangsprøve) are here. Measured with all its 40,927 groups added
(``bench/search_relevance.py --mythes``, 400 experiments): nDCG@10 0.753 -> 0.756 for the
hybrid, 0.697 -> 0.702 on words alone, whose synonym queries fell (0.568 -> 0.559): too little
for 40,000 groups of general language, so it is not used. ``hunspell-da`` is a spelling
dictionary: words, no meanings.
"""

SYNONYM_GROUPS = [
    # Attendance and wellbeing
    ["fravær", "pjæk", "pjækkeri", "skolevægring", "ulovligt fravær", "udeblivelse", "skolefravær"],
    ["fravær", "fremmøde", "mødestabilitet", "bekymrende fravær", "fraværsopfølgning"],
    ["forsentkomst", "komme for sent", "komme til tiden", "mødetid", "punktlighed"],
    ["skolevægring", "ufrivilligt skolefravær", "skoleangst"],
    ["trivsel", "mistrivsel", "velbefindende", "velvære", "trives"],
    ["trivselsmåling", "trivselsundersøgelse", "den nationale trivselsmåling", "elevtrivsel"],
    ["akt", "adfærd kontakt og trivsel", "akt-vejleder", "akt-lærer", "trivselsvejleder"],
    ["mobning", "drilleri", "udelukkelse", "digital mobning", "chikane", "krænkelser"],
    ["antimobbestrategi", "mobbehandleplan", "trivselsstrategi", "handleplan mod mobning"],
    ["konflikt", "konflikter", "uenighed", "skænderi", "konfliktløsning", "konflikthåndtering"],
    ["uro", "larm", "støj", "forstyrrelse", "urolig", "uroligt", "arbejdsro"],
    ["klasseledelse", "klasserumsledelse", "ro og orden", "klassens regler", "rammesætning"],
    ["adfærd", "opførsel", "udadreagerende", "problemadfærd"],
    ["angst", "bekymring", "nervøsitet", "præstationsangst"],
    ["eksamensangst", "prøveangst", "præstationsangst", "nervøsitet før prøver"],
    ["stress", "pres", "præstationspres"],
    ["motivation", "engagement", "lyst", "gejst", "indre motivation"],
    ["koncentration", "fokus", "opmærksomhed", "fordybelse"],
    ["fællesskab", "sammenhold", "klassefællesskab", "relationer", "tilhørsforhold"],
    ["venskab", "venner", "kammeratskab", "legerelationer"],
    ["ensomhed", "alene", "isolation", "udenfor fællesskabet"],
    # Timetable and school day
    ["frikvarter", "pause", "spisefrikvarter", "udetid", "frikvarterer"],
    ["bevægelse", "motion", "fysisk aktivitet", "bevægelsesaktivitet"],
    ["lektier", "hjemmearbejde", "hjemmeopgaver", "lektiecafé", "lektiehjælp"],
    ["lektiefri", "lektiefri skole", "ingen lektier", "lektiefrihed"],
    ["skema", "timeplan", "skemalægning"],
    ["skoledag", "skoledagen", "undervisningstid"],
    ["vikar", "vikardækning", "afløser", "vikartimer", "vikariat"],
    ["morgensamling", "morgenmøde", "morgensang"],
    ["klassens time", "klassetime", "klassemøde", "trivselstime"],
    ["lejrskole", "ekskursion", "tur", "udflugt", "studietur"],
    ["udeskole", "udendørs undervisning", "uderummet", "naturen"],
    ["sfo", "fritidsordning", "skolefritidsordning", "fritidshjem", "klub", "fritidstilbud"],
    ["fritidshjem", "fritidsklub", "fritidspædagog", "fritidspædagogik", "sfo-pædagog"],
    ["skolereform", "folkeskolereformen", "folkeskolereform", "reformen", "længere skoledag"],
    ["fjernundervisning", "nødundervisning", "online undervisning", "virtuel undervisning"],
    # Pupils with special needs
    ["ordblind", "ordblindhed", "dysleksi", "læsevanskeligheder", "ordblinde"],
    ["ordblindhed", "ordblindetest", "ordblindeundervisning", "ordblindevenlig", "dysleksi"],
    ["dyskalkuli", "talblindhed", "regnevanskeligheder", "matematikvanskeligheder"],
    ["inklusion", "inkluderende", "specialundervisning", "specialpædagogik", "særlige behov"],
    ["inklusion", "rummelighed", "inkluderende læringsmiljøer", "inkluderende fællesskaber"],
    ["specialpædagogik", "specialpædagogisk bistand", "specialpædagogisk støtte", "specialpædagog"],
    ["specialklasse", "specialtilbud", "specialskole", "gruppeordning"],
    ["adhd", "opmærksomhedsforstyrrelse", "add"],
    ["autisme", "autismespektrum", "asperger"],
    ["differentiering", "undervisningsdifferentiering", "niveaudeling", "tilpasning"],
    ["talentudvikling", "dygtige elever", "særligt begavede", "talent"],
    ["støttetimer", "støttelærer", "ressourcepersoner", "ekstra voksne"],
    ["tosprogede", "flersprogede", "dansk som andetsprog", "modersmål", "dsa"],
    ["nyankomne", "nyankomne elever", "modtageklasse", "basisundervisning", "modtagehold"],
    ["ppr", "pædagogisk psykologisk rådgivning", "psykolog", "skolepsykolog"],
    ["sprogvurdering", "sprogscreening", "sprogtest", "sprogudvikling"],
    ["hjælpemidler", "it-hjælpemidler", "oplæsning", "talegenkendelse", "cd-ord"],
    # Assessment and feedback
    ["prøve", "eksamen", "afgangsprøve", "prøver", "folkeskolens prøver", "terminsprøve"],
    ["test", "nationale test", "screening", "måling", "nationale færdighedsmålinger"],
    ["læsetest", "læseprøve", "læseprøver", "læsescreening", "ordlæseprøve"],
    ["karakter", "karakterer", "karaktergivning", "bedømmelse"],
    ["evaluering", "vurdering", "opfølgning", "formativ evaluering", "løbende evaluering"],
    ["feedback", "tilbagemelding", "respons", "feedforward"],
    ["selvevaluering", "selvvurdering", "refleksion"],
    ["elevplan", "elevplaner", "læringsplan", "uddannelsesplan"],
    ["læringsmål", "målstyring", "succeskriterier", "tegn på læring"],
    [
        "fælles mål",
        "forenklede fælles mål",
        "kompetencemål",
        "færdigheds- og vidensmål",
        "læseplan",
    ],
    ["emu", "danmarks læringsportal", "læringsportal"],
    ["læringsplatform", "aula", "meebook", "min uddannelse", "læringsplatforme"],
    ["elevsamtaler", "elevsamtale", "læringssamtaler", "læringssamtale", "trivselssamtaler"],
    ["progression", "fremgang", "læringsudbytte"],
    # Reading, writing, language
    ["læsning", "læse", "læsefærdigheder", "læseudvikling"],
    ["læseforståelse", "tekstforståelse", "læsestrategier"],
    ["faglig læsning", "læsning i fagene", "fagtekster", "faglige tekster", "fagsprog"],
    ["læselyst", "læseglæde", "læsemotivation"],
    ["højtlæsning", "oplæsning", "læse højt"],
    ["læsevejleder", "læsevejledning"],
    ["skrivning", "skrive", "skrivefærdigheder", "skriftlighed"],
    ["stavning", "retstavning", "stavefejl"],
    ["ordforråd", "ordkendskab", "begreber", "fagord"],
    ["mundtlighed", "mundtlig", "tale", "samtale", "fremlæggelse", "oplæg"],
    ["fremmedsprog", "sprogfag", "sprogundervisning"],
    # Subjects and teaching forms
    ["matematik", "regning", "matematikundervisning"],
    ["brøker", "brøk", "brøkregning"],
    ["naturfag", "naturfagene", "naturfagsundervisning", "natur/teknologi", "natur og teknologi"],
    ["eksperiment", "forsøg", "undersøgelse", "afprøvning"],
    ["hypotese", "formodning", "forudsigelse", "gæt"],
    ["idræt", "gymnastik", "sport"],
    ["musik", "sang", "kor"],
    ["billedkunst", "tegning", "kreativitet"],
    ["håndværk og design", "sløjd", "håndarbejde"],
    ["madkundskab", "hjemkundskab", "madlavning"],
    ["kristendomskundskab", "religion", "kristendom"],
    ["demokrati", "medborgerskab", "demokratisk dannelse"],
    ["historie", "historiebevidsthed", "fortid"],
    ["teknologiforståelse", "programmering", "kodning", "computationel tankegang"],
    ["digital dannelse", "medier", "sociale medier", "skærm"],
    ["ipad", "tablet", "computer", "chromebook", "digitale værktøjer", "it"],
    ["skærmtid", "skærmbrug", "mobiltelefon", "mobil", "mobilforbud", "telefon"],
    ["projektarbejde", "projekt", "projektuge", "projektopgave", "problemorienteret"],
    ["gruppearbejde", "samarbejde", "cooperative learning", "cl-strukturer", "makkerpar"],
    ["co-teaching", "to-lærerordning", "tolærerordning", "holddeling", "to voksne"],
    ["stationsundervisning", "værkstedsundervisning", "læringsstationer"],
    ["holddannelse", "holddeling", "fleksibel holddannelse", "holdundervisning"],
    ["understøttende undervisning", "uu", "uu-timer", "understøttende timer"],
    ["bevægelse i undervisningen", "kropslig læring", "aktive læringsformer", "læring i bevægelse"],
    ["pauser", "bevægelsespauser", "brain breaks", "minipauser"],
    ["kunstig intelligens", "ai", "chatgpt", "chatbot", "generativ ai"],
    ["åben skole", "lokalsamfund", "virksomhedsbesøg", "eksterne partnere"],
    ["legebaseret", "leg", "legende læring", "spil"],
    ["rollespil", "drama", "dramatisering"],
    # People and organisation
    ["elev", "elever", "børn", "barn", "skolebørn"],
    ["lærer", "lærere", "underviser", "faglærer", "kontaktlærer", "klasselærer"],
    ["pædagog", "pædagoger", "pædagogmedhjælper"],
    ["skoleleder", "skoleledelse", "ledelse", "afdelingsleder", "viceskoleinspektør", "leder"],
    ["forældre", "forældresamarbejde", "hjem", "skole-hjem-samarbejde", "familie"],
    ["skole-hjem-samtale", "forældresamtale", "forældremøde"],
    ["elevråd", "elevdemokrati", "elevindflydelse", "elevinddragelse", "elevstemme"],
    ["teamsamarbejde", "team", "lærerteam", "årgangsteam", "fagteam"],
    ["kollegial sparring", "kollegasupervision", "supervision", "læringsfællesskaber", "plf"],
    ["aktionslæring", "aktionsforskning", "praksisforskning", "afprøvning i praksis"],
    ["skolebestyrelse", "bestyrelse", "forældrebestyrelse", "forældrerepræsentanter"],
    ["kompetenceudvikling", "efteruddannelse", "videreuddannelse", "kursus"],
    ["pædagogisk læringscenter", "plc", "skolebibliotek", "bibliotek"],
    ["indskoling", "0. klasse", "børnehaveklasse", "de yngste"],
    ["mellemtrin", "mellemtrinnet"],
    ["udskoling", "overbygning", "de ældste"],
    ["overgang", "skolestart", "brobygning", "overgange"],
    ["uddannelsesparathed", "vejledning", "uddannelsesvalg", "ungdomsuddannelse"],
    ["uddannelsesparathedsvurdering", "upv", "parathedsvurdering", "uddannelsesparathed"],
    ["uddannelsesvejledning", "ungdommens uddannelsesvejledning", "uddannelsesvejleder", "kui"],
]


_groups_by_version = {}


def synonym_groups():
    """The groups the Whoosh backend expands queries with (backend option ``SYNONYMS``): the
    shipped ones and those administrators add in the admin ("Search synonyms").

    Read from the database once per content version (saving a group starts a new one), so a
    search costs no query and the backend rebuilds its term table only when the groups change.
    """
    from knowledge.cache import content_version
    from knowledge.models import SynonymGroup

    version = content_version()
    groups = _groups_by_version.get(version)
    if groups is None:
        added = [group.members() for group in SynonymGroup.objects.all()]
        groups = SYNONYM_GROUPS + [members for members in added if len(members) > 1]
        _groups_by_version.clear()
        _groups_by_version[version] = groups
    return groups
