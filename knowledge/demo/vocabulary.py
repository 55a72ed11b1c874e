"""Hand-written Danish building blocks for the demo network.

Experiments are composed from these fragments, theme by theme, so that each one reads like a
teacher team writing about its own practice. The places are invented; any likeness to a real
school is a coincidence of common Danish place names.
"""

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

THEMES = [
    {
        "key": "læsning",
        "subjects": ["Dansk"],
        "bands": ["indskoling", "mellemtrin"],
        "tags": ["læsning", "læselyst"],
        "extra_tags": ["læsemakkere", "ordforråd", "højtlæsning", "bibliotek"],
        "titles": [
            "Læsemakkere i {klasse}",
            "Fælles læsetid hver morgen i {klasse}",
            "Eleverne vælger selv deres bøger",
            "Højtlæsning med samtale om ordene",
            "Læsebånd med logbog i {klasse}",
            "Ældre elever læser med yngre",
        ],
        "summaries": [
            "Vi prøvede at lade eleverne læse i makkerpar tre gange om ugen og fulgte, om de læste mere og med større lyst.",
            "I seks uger startede hver dag med tyve minutters fri læsning, hvor eleverne selv valgte bøger fra skolebiblioteket.",
            "Vi ville se, om en fast samtale om svære ord under højtlæsningen kunne styrke elevernes ordforråd.",
            "Eleverne førte læselogbog og talte om deres bøger i små grupper en gang om ugen.",
        ],
        "questions": [
            "Læser eleverne mere og med mere lyst, når de læser sammen med en makker?",
            "Hvad sker der med elevernes læselyst, når de selv vælger, hvad de læser?",
            "Kan en kort samtale om ord under højtlæsning give eleverne et større ordforråd?",
            "Hvordan får vi de elever, der sjældent læser hjemme, til at læse mere?",
        ],
        "backgrounds": [
            "Vores seneste læseprøver viste, at en gruppe elever læser sikkert, men sjældent af lyst. Mange sagde, at læsning mest er noget, man gør i skolen.",
            "Flere forældre fortalte på forældremødet, at deres børn ikke læser derhjemme. Vi ville se, hvad vi kunne gøre i skoletiden.",
            "Vi havde læst om læsemakkere i en artikel fra Nationalt Videncenter for Læsning og ville prøve det af i vores egne klasser.",
        ],
        "actions": [
            "Vi satte eleverne sammen to og to, så en lidt stærkere læser læste med en lidt svagere. Makkerne skiftedes til at læse en side højt og fortalte bagefter hinanden, hvad der var sket.",
            "Skolebibliotekaren hjalp med at stille en kasse bøger frem i hver klasse, og den blev skiftet hver anden uge. Eleverne måtte gerne opgive en bog og vælge en ny.",
            "Under højtlæsningen stoppede vi ved to-tre ord i hvert kapitel. Eleverne gættede først, hvad ordet betød, og så talte vi om det og skrev det på ordvæggen.",
            "Hver elev havde en lille logbog, hvor de noterede titel, antal sider og en sætning om, hvad de tænkte. Fredag læste de op fra logbogen for hinanden.",
            "Vi lavede en læsekrog i klassen med puder og lys, og læsetiden lå fast efter første frikvarter, så den ikke blev skubbet væk af andre ting.",
        ],
        "observations": [
            "Allerede efter en uge kom flere elever selv og spurgte, om de måtte læse videre i frikvarteret. Rummet blev stille på en anden måde end før.",
            "Makkerparrene fungerede bedst, når der ikke var for stor forskel på de to læsere. Hvis forskellen var stor, overtog den stærke læser ofte det hele.",
            "Eleverne begyndte at bruge ordene fra ordvæggen i deres egne tekster, især når vi mindede dem om det i skriveopgaverne.",
            "Nogle elever skiftede bog mange gange i starten. Efter et par uger fandt de fleste en serie, de blev ved med.",
        ],
        "findings": [
            (
                "Eleverne læste i gennemsnit flere sider om ugen i forsøgsperioden end før.",
                "pupil_work",
                "Vi talte sider i elevernes læselogbøger før og under forløbet.",
            ),
            (
                "De elever, der læste mindst, fik mest ud af at læse med en makker.",
                "observations",
                "Noter fra vores observationer i læsetiden, to gange om ugen.",
            ),
            (
                "Flere elever siger nu, at de kan lide at læse.",
                "survey",
                "Et kort spørgeskema med smileys før og efter forløbet.",
            ),
            (
                "Elevernes ordforråd voksede mest, når ordene blev brugt igen i skrivning.",
                "test_results",
                "Ordtest før og efter med de ord, vi havde arbejdet med.",
            ),
            (
                "Fast læsetid samme tidspunkt hver dag gav mere ro end læsning, når der var tid.",
                "observations",
                "Logbog over læsetiden og vores egne noter fra teammøderne.",
            ),
        ],
        "next_steps": [
            "Vi fortsætter med læsemakkere og vil prøve at sætte parrene sammen på ny hver sjette uge.",
            "Vi vil inddrage forældrene mere, så læsningen fortsætter derhjemme, for eksempel med en fælles læseaftale.",
            "Næste skridt er at lade eleverne anbefale bøger til hinanden på en væg ved biblioteket.",
        ],
        "quotes": [
            (
                "pupil",
                "Jeg troede ikke, jeg kunne lide at læse, men det var bare fordi, jeg ikke havde fundet den rigtige bog.",
            ),
            ("pupil", "Det er sjovere at læse, når man kan snakke om det bagefter."),
            (
                "colleague",
                "Det mest overraskende var, hvor stille der blev. Ikke en tvunget stilhed, men en rolig en.",
            ),
        ],
    },
    {
        "key": "skrivning",
        "subjects": ["Dansk", "Engelsk"],
        "bands": ["mellemtrin", "udskoling"],
        "tags": ["skrivning"],
        "extra_tags": ["skrivelyst", "genrer", "stilladsering", "respons"],
        "titles": [
            "Skriveværksted i {klasse}",
            "Eleverne giver hinanden respons på tekster",
            "Modeltekster som stillads for skrivning",
            "Ti minutters fri skrivning hver dag",
            "Fra mundtlig fortælling til skrevet tekst",
        ],
        "summaries": [
            "Vi indførte et skriveværksted, hvor eleverne skrev i længere tid ad gangen og fik respons undervejs.",
            "Eleverne lærte at give hinanden respons med to stjerner og et ønske, og vi så på, om teksterne blev bedre.",
            "Vi brugte modeltekster til at vise, hvordan en god argumenterende tekst er bygget op.",
        ],
        "questions": [
            "Skriver eleverne længere og mere sammenhængende tekster, når de får respons undervejs?",
            "Kan elever give hinanden respons, der faktisk gør teksterne bedre?",
            "Hjælper det de usikre skrivere at arbejde med modeltekster før de skriver selv?",
            "Hvordan får vi drengene til at skrive mere?",
        ],
        "backgrounds": [
            "Mange elever gik i stå efter få linjer og afleverede korte tekster uden sammenhæng.",
            "Vi brugte meget tid på at rette tekster, men kunne se, at eleverne sjældent læste vores kommentarer.",
            "I teamet ville vi gerne gøre skrivning til noget, der foregår i timerne, og ikke kun som lektie.",
        ],
        "actions": [
            "To gange om ugen havde vi skriveværksted i en dobbeltlektion. Eleverne skrev i tyve minutter, læste højt for en makker og skrev så videre.",
            "Vi lærte eleverne at give respons med to stjerner og et ønske. Vi øvede det først på en tekst, vi selv havde skrevet, så ingen elev skulle stå for skud.",
            "Før hver ny genre læste vi en modeltekst sammen og farvede dens dele: indledning, argumenter og afslutning. Bagefter skrev eleverne deres egen tekst med farverne som støtte.",
            "Eleverne fortalte først deres historie til en makker, som stillede spørgsmål. Derefter skrev de den ned, mens den stadig var frisk.",
        ],
        "observations": [
            "Teksterne blev længere allerede i anden uge, og færre elever sad og ventede på, at vi kom forbi.",
            "Responsen var i starten meget venlig og lidt tom. Da vi gav eleverne konkrete spørgsmål at svare på, blev den mere brugbar.",
            "De usikre skrivere brugte modelteksten meget, nogle næsten for meget. De stærke skrivere brugte den som inspiration og gik deres egne veje.",
            "Drengene skrev mest, når de måtte vælge emnet selv, og når teksten skulle læses op for nogen.",
        ],
        "findings": [
            (
                "Elevernes tekster blev i gennemsnit næsten dobbelt så lange i løbet af forløbet.",
                "pupil_work",
                "Vi sammenlignede ordantal i tekster fra før og efter forløbet.",
            ),
            (
                "Respons fra en makker fik flere elever til at rette i deres tekst end vores skriftlige kommentarer.",
                "pupil_work",
                "Vi så på, hvor mange elever der lavede ændringer i anden version.",
            ),
            (
                "Modeltekster hjalp især de elever, der før ikke kom i gang.",
                "observations",
                "Vores noter fra skrivetimerne og samtaler med eleverne.",
            ),
            (
                "Eleverne oplever, at de bliver bedre til at skrive, når de får respons mens de skriver.",
                "interviews",
                "Korte interviews med otte elever i slutningen af forløbet.",
            ),
        ],
        "next_steps": [
            "Vi vil prøve skriveværkstedet i engelsk også og se, om det virker på samme måde.",
            "Responsskemaet skal gøres enklere, så eleverne kan bruge det uden hjælp fra os.",
            "Vi vil dele modelteksterne med resten af årgangen og samle dem i en fælles mappe.",
        ],
        "quotes": [
            (
                "pupil",
                "Det var godt at læse højt for Sara, for hun sagde, hvor hun ikke kunne følge med.",
            ),
            ("colleague", "Jeg retter meget mindre nu, men eleverne retter meget mere."),
            ("pupil", "Når jeg har fortalt historien først, ved jeg, hvad jeg skal skrive."),
        ],
    },
    {
        "key": "matematik",
        "subjects": ["Matematik"],
        "bands": ["indskoling", "mellemtrin", "udskoling"],
        "tags": ["matematik", "problemløsning"],
        "extra_tags": ["talforståelse", "konkreter", "matematiksamtaler", "regnestrategier"],
        "titles": [
            "Matematiksamtaler i {klasse}",
            "Åbne opgaver i stedet for regnebogen",
            "Konkreter i brøkregning",
            "Dagens tal som fast start på timen",
            "Elever forklarer deres regnestrategier",
            "Problemløsning i grupper på tre",
        ],
        "summaries": [
            "Vi startede hver matematiktime med ti minutter om dagens tal, hvor eleverne forklarede forskellige måder at regne på.",
            "I stedet for opgaver fra bogen fik eleverne åbne problemer, de løste i grupper og fremlagde for hinanden.",
            "Vi brugte konkreter som brøkstave og centicubes til at gøre brøker håndgribelige, før vi gik over til tal.",
        ],
        "questions": [
            "Bliver eleverne bedre til at forklare deres tænkning, når vi taler mere matematik i timerne?",
            "Kan åbne opgaver få flere elever til at deltage aktivt i matematik?",
            "Forstår eleverne brøker bedre, når de har arbejdet med konkreter først?",
            "Hvad sker der med de elever, der er bange for at svare forkert?",
        ],
        "backgrounds": [
            "Mange elever kunne løse opgaverne i bogen, men havde svært ved at sige, hvorfor de gjorde, som de gjorde.",
            "Vi så en gruppe elever, der opgav, så snart en opgave ikke lignede den forrige.",
            "Brøker var det emne, flest elever sagde var svært, da vi spurgte dem i starten af året.",
        ],
        "actions": [
            "Hver time startede med et tal på tavlen. Eleverne skulle finde så mange måder som muligt at lave tallet på, og vi skrev deres forslag op uden at sige, hvilke der var rigtige.",
            "Eleverne arbejdede i grupper på tre med roller: en læste opgaven, en skrev og en sørgede for, at alle blev hørt. Rollerne skiftede hver gang.",
            "Vi brugte brøkstave, pizzaer af pap og målebånd. Først når eleverne kunne vise en brøk med konkreter, skrev de den med tal.",
            "Efter hver opgave valgte vi to grupper med forskellige løsninger, der fremlagde for klassen. Vi spurgte: Hvad er ens, og hvad er forskelligt?",
            "Vi lavede en væg med regnestrategier, hvor eleverne selv satte nye strategier op med deres navn på.",
        ],
        "observations": [
            "Efter et par uger begyndte eleverne at sige 'jeg gjorde det på en anden måde' uden at vi spurgte.",
            "De stille elever deltog mere i grupper på tre end i klassesamtalen, især når de havde en fast rolle.",
            "Nogle elever blev frustrerede over, at der ikke var ét rigtigt svar. Det tog tid at vænne sig til.",
            "Konkreterne var populære, men nogle elever blev hængende i dem og havde svært ved at gå videre til tal.",
        ],
        "findings": [
            (
                "Eleverne bruger flere forskellige regnestrategier end før.",
                "pupil_work",
                "Vi sammenlignede elevernes løsninger på de samme opgaver i august og december.",
            ),
            (
                "Flere elever forklarer deres tænkning med egne ord.",
                "observations",
                "Observationsskema brugt i seks timer før og seks timer under forløbet.",
            ),
            (
                "Resultaterne i brøkregning blev bedre, især for de svageste elever.",
                "test_results",
                "Den samme lille test før og efter forløbet.",
            ),
            (
                "Eleverne siger, at de er mindre bange for at svare forkert.",
                "survey",
                "Spørgeskema med fem udsagn, eleverne svarede på før og efter.",
            ),
            (
                "Åbne opgaver kræver mere tid, men giver bedre samtaler om matematik.",
                "observations",
                "Vores egne noter og videooptagelser fra to timer.",
            ),
        ],
        "next_steps": [
            "Vi fortsætter med dagens tal og vil prøve det i de andre klasser på årgangen.",
            "Næste gang vil vi planlægge overgangen fra konkreter til tal mere omhyggeligt.",
            "Vi vil lave en fælles bank af åbne opgaver, som hele matematikteamet kan bruge.",
        ],
        "quotes": [
            (
                "pupil",
                "Jeg kan bedst lide, når vi finder ud af, at der er mange måder at gøre det på.",
            ),
            ("pupil", "Nu ved jeg, hvorfor man ganger med det omvendte tal."),
            (
                "colleague",
                "Jeg taler mindre og lytter mere i matematik nu. Det var svært i starten.",
            ),
        ],
    },
    {
        "key": "naturfag",
        "subjects": ["Natur/teknologi", "Biologi", "Fysik/kemi", "Geografi"],
        "bands": ["mellemtrin", "udskoling"],
        "tags": ["naturfaglige undersøgelser"],
        "extra_tags": ["hypoteser", "modeller", "fælles prøve", "laboratorium"],
        "titles": [
            "Eleverne designer egne undersøgelser",
            "Fra hypotese til konklusion i {klasse}",
            "Modeller i fysik/kemi",
            "Vandløbsundersøgelse med {klasse}",
            "Undersøgelser i stedet for opskrifter",
        ],
        "summaries": [
            "Eleverne planlagde selv deres forsøg ud fra et spørgsmål, i stedet for at følge en færdig vejledning.",
            "Vi arbejdede med at lade eleverne tegne og forklare modeller, før og efter de lavede forsøg.",
            "Klassen undersøgte vandløbet ved skolen gennem et halvt år og målte smådyr, temperatur og ilt.",
        ],
        "questions": [
            "Bliver eleverne bedre til at undersøge, når de selv planlægger forsøgene?",
            "Kan modeltegninger vise os, hvad eleverne egentlig forstår?",
            "Hvad lærer eleverne af at følge det samme sted over lang tid?",
        ],
        "backgrounds": [
            "Vores elever kunne følge en forsøgsvejledning, men vidste ofte ikke, hvorfor de gjorde det.",
            "Den fælles prøve i naturfag kræver, at eleverne kan undersøge selv, og det havde vi ikke øvet nok.",
            "Vi har et vandløb fem minutters gang fra skolen og ville bruge det mere.",
        ],
        "actions": [
            "Vi gav eleverne et spørgsmål, for eksempel om hvad der får en plante til at vokse hurtigst. Grupperne skrev en hypotese, valgte hvad de ville måle, og viste os planen før de gik i gang.",
            "Før forløbet tegnede eleverne en model af, hvad der sker, når vand fordamper. Efter forsøgene tegnede de den igen og skrev, hvad de havde ændret.",
            "En gang om måneden gik vi til vandløbet og målte temperatur, ilt og smådyr. Resultaterne samlede vi i et fælles regneark.",
            "Vi brugte en fast skabelon med fire overskrifter: Spørgsmål, Hypotese, Hvad vi gjorde og Hvad vi fandt ud af.",
        ],
        "observations": [
            "Grupperne brugte lang tid på planlægningen den første gang, men gik meget mere målrettet til værks anden gang.",
            "Flere elevers anden modeltegning viste, at de havde forstået, at vandet ikke forsvinder, men bliver til damp.",
            "Eleverne blev optagede af, at tallene ændrede sig fra måned til måned, og begyndte selv at komme med forklaringer.",
            "Nogle grupper ville hellere have en vejledning, og vi måtte støtte dem mere end de andre.",
        ],
        "findings": [
            (
                "Eleverne blev bedre til at formulere en hypotese, de kunne teste.",
                "pupil_work",
                "Gruppernes skabeloner fra første og sidste forsøg.",
            ),
            (
                "Modeltegningerne viste misforståelser, vi ellers ikke havde opdaget.",
                "pupil_work",
                "Elevernes tegninger før og efter forløbet.",
            ),
            (
                "Eleverne kunne bedre forklare sammenhænge i naturen efter at have fulgt vandløbet over tid.",
                "interviews",
                "Samtaler med grupperne ved forløbets afslutning.",
            ),
            (
                "Flere elever klarede træningsprøven i naturfag bedre end året før.",
                "test_results",
                "Resultater fra træningsprøven sammenlignet med sidste års hold.",
            ),
        ],
        "next_steps": [
            "Vi vil bruge skabelonen på alle årgange fra 5. klasse, så eleverne møder den samme struktur.",
            "Næste år vil vi samarbejde med en anden skole, så eleverne kan sammenligne deres målinger.",
            "Vi vil give eleverne mere tid til at diskutere resultaterne, før de skriver konklusionen.",
        ],
        "quotes": [
            ("pupil", "Det var fedt, at vi selv fandt ud af, hvad vi skulle måle."),
            (
                "pupil",
                "Jeg troede, vandet forsvandt, men det bliver bare til luft, som man ikke kan se.",
            ),
            (
                "colleague",
                "Jeg blev overrasket over, hvor meget eleverne vidste, når de fik lov at vise det.",
            ),
        ],
    },
    {
        "key": "trivsel",
        "subjects": ["Dansk", "Idræt"],
        "bands": ["indskoling", "mellemtrin", "udskoling"],
        "tags": ["trivsel", "fællesskab"],
        "extra_tags": ["relationer", "frikvarter", "klassens time", "venskaber"],
        "titles": [
            "Legegrupper i frikvarteret",
            "Morgenmøde i {klasse}",
            "Faste makkere på tværs af klassen",
            "Klassens time med elevernes egne dagsordener",
            "Fællesskab gennem fælles opgaver",
        ],
        "summaries": [
            "Vi lavede faste legegrupper i frikvarteret, så ingen elever skulle gå alene rundt.",
            "Hver dag startede med et kort morgenmøde, hvor alle elever blev set og hørt.",
            "Eleverne fik faste makkere, som skiftede hver tredje uge, for at skabe relationer på tværs af klassen.",
        ],
        "questions": [
            "Kan faste legegrupper mindske antallet af elever, der føler sig alene i frikvartererne?",
            "Hvad betyder det for klassens stemning, at dagen starter med et morgenmøde?",
            "Hvordan skaber vi relationer mellem elever, der ikke selv søger hinanden?",
        ],
        "backgrounds": [
            "Trivselsmålingen viste, at flere elever i klassen ofte følte sig alene.",
            "Der var mange konflikter efter frikvartererne, som tog tid fra undervisningen.",
            "Klassen var delt i faste grupper, og nogle elever stod uden for dem alle.",
        ],
        "actions": [
            "Vi delte klassen i legegrupper på fire, og hver gruppe fik en kasse med legetøj og en ugeplan over lege. En voksen gik rundt og hjalp grupperne i gang.",
            "Morgenmødet varede ti minutter. Alle sagde godmorgen til sidemanden og svarede på et kort spørgsmål, for eksempel hvad de glædede sig til i dag.",
            "Makkerne sad sammen, gik sammen til idræt og havde en lille fælles opgave hver uge, som de skulle løse sammen.",
            "Eleverne kunne lægge sedler i en postkasse med emner til klassens time, og to elever var ordstyrere hver uge.",
        ],
        "observations": [
            "Nogle elever var skeptiske i starten, men efter to uger spurgte de selv, hvornår der var legegrupper igen.",
            "Morgenmødet gav os et billede af elevernes humør, som vi ikke havde før. Vi kunne tage fat i en elev med det samme.",
            "Der var færre konflikter efter frikvartererne, især om torsdagen, hvor alle grupper legede på samme tid.",
            "Et par elever havde svært ved at sige noget i plenum, og vi gav dem mulighed for at svare til makkeren i stedet.",
        ],
        "findings": [
            (
                "Færre elever svarer, at de ofte er alene i frikvartererne.",
                "survey",
                "Klassens egen trivselsmåling før og efter forløbet.",
            ),
            (
                "Der opstod færre konflikter efter frikvartererne.",
                "observations",
                "Vores optælling af konflikter, der skulle løses i timerne, over otte uger.",
            ),
            (
                "Eleverne leger med flere forskellige klassekammerater end før.",
                "observations",
                "Frikvartersvagternes noter og et sociogram før og efter.",
            ),
            (
                "Eleverne oplever, at de bliver hørt i klassens time.",
                "interviews",
                "Gruppesamtaler med eleverne i slutningen af forløbet.",
            ),
        ],
        "next_steps": [
            "Legegrupperne fortsætter, og vi vil lade eleverne selv foreslå nye lege.",
            "Vi vil dele morgenmødets form med resten af afdelingen.",
            "Næste skridt er at inddrage forældrene, så legeaftaler efter skole også går på tværs.",
        ],
        "quotes": [
            ("pupil", "Før gik jeg bare rundt. Nu ved jeg, hvem jeg skal lege med."),
            ("parent", "Min datter taler meget mere om klassekammerater derhjemme end før."),
            ("colleague", "Ti minutter om morgenen sparer os en halv time senere på dagen."),
        ],
    },
    {
        "key": "co-teaching",
        "subjects": ["Dansk", "Matematik", "Engelsk"],
        "bands": ["indskoling", "mellemtrin", "udskoling"],
        "tags": ["co-teaching", "to-lærerordning"],
        "extra_tags": ["holddannelse", "inklusion", "fælles planlægning"],
        "titles": [
            "To lærere, én plan i {klasse}",
            "Stationsundervisning med to voksne",
            "Co-teaching med lærer og pædagog",
            "Fleksible hold på årgangen",
        ],
        "summaries": [
            "To lærere planlagde og gennemførte undervisningen sammen og skiftede mellem forskellige måder at dele rollerne på.",
            "Klassen arbejdede på stationer, hvor en lærer og en pædagog hver havde ansvar for sine stationer.",
            "Vi delte årgangen i fleksible hold efter behov i stedet for faste klasser i to timer om ugen.",
        ],
        "questions": [
            "Hvordan bruger vi to voksne i klassen bedst, så alle elever får mere ud af det?",
            "Får eleverne mere hjælp, når undervisningen er delt i stationer med to voksne?",
            "Kan fleksible hold give de elever, der mangler noget, et løft uden at stemple dem?",
        ],
        "backgrounds": [
            "Vi havde fået timer til to-lærerordning, men oplevede, at den ene voksne ofte bare gik rundt og hjalp.",
            "Pædagogen og læreren planlagde hver for sig og mødtes først i klassen.",
            "Forskellen mellem eleverne på årgangen var stor, og vi ville udnytte, at vi var flere voksne.",
        ],
        "actions": [
            "Vi brugte fem modeller for co-teaching: én underviser og én observerer, stationer, parallelundervisning, alternativ undervisning og teamundervisning. Hver uge valgte vi bevidst en model.",
            "Vi satte en halv time om ugen af til fælles planlægning, hvor vi aftalte, hvem der gjorde hvad.",
            "Klassen var delt i fire stationer á femten minutter. Lærer og pædagog havde hver én station, og to stationer var selvstændigt arbejde.",
            "Holdene blev sammensat på ny hver tredje uge ud fra en kort test, så ingen elev sad fast på ét hold.",
        ],
        "observations": [
            "Når vi observerede hinanden, så vi ting om eleverne, som vi ikke ser, når vi selv underviser.",
            "Stationerne gav ro, fordi grupperne var mindre, men skiftene tog tid i starten.",
            "Eleverne lagde ikke meget mærke til, hvilket hold de var på, fordi holdene skiftede så tit.",
            "Den fælles planlægning var det første, der blev aflyst, når der var travlt. Vi måtte beskytte den.",
        ],
        "findings": [
            (
                "Eleverne fik mere direkte hjælp, når vi brugte stationer.",
                "observations",
                "Vi talte, hvor mange elever hver voksen talte med i timerne.",
            ),
            (
                "Fælles planlægning var afgørende for, at to-lærerordningen gav noget.",
                "interviews",
                "Samtaler i teamet og med skolens ledelse.",
            ),
            (
                "De elever, der var bagud, indhentede en del på de fleksible hold.",
                "test_results",
                "De korte test, vi brugte til at sammensætte holdene.",
            ),
            (
                "Eleverne oplever at have to voksne, de kan gå til.",
                "survey",
                "Et lille spørgeskema til eleverne i slutningen af forløbet.",
            ),
        ],
        "next_steps": [
            "Vi vil skrive den halve times planlægning ind i skemaet, så den ikke forsvinder.",
            "Vi vil prøve parallelundervisning mere, fordi vi brugte den mindst.",
            "Vi deler vores planlægningsskema med de andre team på skolen.",
        ],
        "quotes": [
            (
                "colleague",
                "Vi er blevet meget bedre til at tale om eleverne, fordi vi har set dem på samme tid.",
            ),
            ("pupil", "Det er godt, at der altid er en voksen, man kan spørge."),
            (
                "colleague",
                "Som pædagog føler jeg mig som en del af undervisningen nu, ikke bare en hjælper.",
            ),
        ],
    },
    {
        "key": "feedback",
        "subjects": ["Dansk", "Matematik", "Engelsk", "Historie"],
        "bands": ["mellemtrin", "udskoling"],
        "tags": ["feedback", "formativ evaluering"],
        "extra_tags": ["læringsmål", "exit-sedler", "elevsamtaler", "selvevaluering"],
        "titles": [
            "Exit-sedler efter hver time",
            "Feedback uden karakterer i {klasse}",
            "Tydelige mål og kriterier i engelsk",
            "Korte elevsamtaler om læring",
            "Eleverne vurderer selv deres arbejde",
        ],
        "summaries": [
            "Eleverne skrev en exit-seddel i slutningen af hver time, og vi brugte svarene til at planlægge næste time.",
            "Vi gav kun skriftlig feedback uden karakterer på afleveringer i et halvt år.",
            "Vi holdt korte samtaler med hver elev om, hvad de var lykkedes med, og hvad de skulle arbejde med.",
        ],
        "questions": [
            "Bruger eleverne feedbacken mere, når der ikke står en karakter ved siden af?",
            "Kan exit-sedler hjælpe os med at ramme elevernes niveau i næste time?",
            "Hvad sker der, når eleverne selv vurderer deres arbejde ud fra kriterier?",
        ],
        "backgrounds": [
            "Vi oplevede, at eleverne kun så på karakteren og sprang kommentarerne over.",
            "Vi vidste ofte først ved prøven, hvem der ikke havde forstået et emne.",
            "Skolens pædagogiske dag handlede om formativ evaluering, og vi ville prøve det i praksis.",
        ],
        "actions": [
            "De sidste tre minutter af timen svarede eleverne på to spørgsmål på en seddel: Hvad har du lært i dag, og hvad er du i tvivl om?",
            "Afleveringer fik to-tre kommentarer om, hvad der var godt, og én ting at arbejde videre med. Eleverne skulle svare på kommentaren, før de fik næste opgave.",
            "Hver elev fik en samtale på fem minutter hver tredje uge, mens resten af klassen arbejdede selvstændigt.",
            "Vi skrev kriterierne op på tavlen sammen med eleverne, og de markerede selv med farver, hvor langt de var nået.",
        ],
        "observations": [
            "Exit-sedlerne viste hurtigt, hvilke elever der havde brug for en ekstra forklaring. Vi kunne starte næste time med dem.",
            "Nogle elever var frustrerede over ikke at få en karakter, men de fleste vænnede sig til det efter et par afleveringer.",
            "Samtalerne gav os en viden om elevernes egen oplevelse, som vi ikke fik ved at rette.",
            "Eleverne var i starten meget hårde eller meget milde i deres selvevaluering, men blev mere præcise med tiden.",
        ],
        "findings": [
            (
                "Flere elever retter i deres arbejde, når feedbacken kræver et svar.",
                "pupil_work",
                "Vi talte, hvor mange elever der afleverede en rettet version.",
            ),
            (
                "Exit-sedlerne gjorde det lettere at tilpasse undervisningen.",
                "observations",
                "Vores planlægningsnoter i forløbet.",
            ),
            (
                "Eleverne kan bedre sige, hvad de skal arbejde med næste gang.",
                "interviews",
                "Elevsamtaler før og efter forløbet.",
            ),
            (
                "Resultaterne faldt ikke, selv om eleverne ikke fik karakterer undervejs.",
                "test_results",
                "Terminsprøven sammenlignet med året før.",
            ),
        ],
        "next_steps": [
            "Vi fortsætter med exit-sedler, men gør dem digitale, så de er hurtigere at læse.",
            "Vi vil drøfte med forældrene, hvorfor eleverne ikke får karakterer på alle opgaver.",
            "Næste skridt er at lade eleverne formulere kriterierne sammen med os.",
        ],
        "quotes": [
            ("pupil", "Når der ikke er en karakter, læser jeg faktisk, hvad læreren har skrevet."),
            (
                "colleague",
                "Exit-sedlerne tager tre minutter og sparer mig for mange timers gætteri.",
            ),
            ("pupil", "Det var mærkeligt at skulle sige selv, hvad jeg var god til."),
        ],
    },
    {
        "key": "udeskole",
        "subjects": ["Natur/teknologi", "Matematik", "Dansk", "Idræt"],
        "bands": ["indskoling", "mellemtrin"],
        "tags": ["udeskole", "bevægelse"],
        "extra_tags": ["skoven", "naturen", "udendørs matematik", "årstider"],
        "titles": [
            "Udeskole hver onsdag i {klasse}",
            "Matematik i skolegården",
            "Skoven som klasseværelse",
            "Årstidernes gang med {klasse}",
            "Bogstavjagt i naturen",
        ],
        "summaries": [
            "En dag om ugen flyttede vi undervisningen ud i skoven og lavede faglige opgaver med det, vi fandt.",
            "Vi tog matematikken med ud i skolegården og målte, vejede og talte med kroppen.",
            "Klassen fulgte ét træ i skoven gennem et helt skoleår og skrev og tegnede om det hver måned.",
        ],
        "questions": [
            "Lærer eleverne lige så meget, når undervisningen foregår ude?",
            "Kan udeskole give de urolige elever bedre muligheder for at deltage?",
            "Hvordan gør vi udeskole fagligt og ikke bare til en tur i skoven?",
        ],
        "backgrounds": [
            "Vi har skoven tæt på skolen, men brugte den kun til ture et par gange om året.",
            "Flere elever havde svært ved at sidde stille i mange timer og fik mange irettesættelser.",
            "Vi havde hørt om udeskole fra en anden skole i kommunen og ville prøve det af.",
        ],
        "actions": [
            "Hver onsdag gik vi i skoven fra kl. 8 til 12. Dagen havde altid samme rytme: samling ved bålpladsen, faglig opgave, madpakke og leg.",
            "Eleverne målte omkredsen af træer med snor, sorterede kogler efter størrelse og lavede tallinjer med pinde.",
            "Vi lavede bogstavjagt, hvor eleverne skulle finde ting i naturen, der startede med bestemte bogstaver, og skrive ordene i en lille bog.",
            "Hver måned besøgte eleverne deres eget træ, tegnede det og skrev tre sætninger om, hvad der havde forandret sig.",
        ],
        "observations": [
            "De elever, der ellers var urolige, var ofte de mest engagerede ude. De tog ansvar for bålet og for at finde vej.",
            "Det krævede mere planlægning, end vi havde regnet med, især når det regnede.",
            "Eleverne brugte ord fra udeskolen i klassen bagefter, for eksempel om at måle og sammenligne.",
            "Madpakke og leg var vigtigere for fællesskabet, end vi havde troet.",
        ],
        "findings": [
            (
                "Eleverne husker det faglige fra udeskolen bedre end fra almindelige timer.",
                "test_results",
                "En lille quiz om de samme emner, undervist ude og inde.",
            ),
            (
                "Der var færre irettesættelser på udeskoledagene.",
                "observations",
                "Vi noterede irettesættelser på ude- og indedage i fire uger.",
            ),
            (
                "Eleverne glæder sig til onsdagen, og fraværet var lavere den dag.",
                "other",
                "Fraværsregistrering i forsøgsperioden.",
            ),
            (
                "Udeskole kræver faste rammer for at blive faglig.",
                "observations",
                "Vores logbog over de tyve udeskoledage.",
            ),
        ],
        "next_steps": [
            "Vi fortsætter med udeskole og vil lave en fælles årsplan for de faglige opgaver.",
            "Vi vil dele vores opgaver med de andre klasser, så flere kan komme i gang.",
            "Næste år vil vi prøve udeskole i dansk med fokus på fortælling.",
        ],
        "quotes": [
            ("pupil", "Jeg kan bedre tænke, når jeg ikke skal sidde på en stol."),
            (
                "parent",
                "Han kommer hjem og fortæller om skoven hver onsdag. Det gør han ikke om de andre dage.",
            ),
            ("colleague", "Regntøj er det vigtigste undervisningsmateriale, vi har."),
        ],
    },
    {
        "key": "engelsk",
        "subjects": ["Engelsk", "Tysk"],
        "bands": ["indskoling", "mellemtrin", "udskoling"],
        "tags": ["mundtlighed", "fremmedsprog"],
        "extra_tags": ["rollespil", "sange", "ordforråd", "talelyst"],
        "titles": [
            "Kun engelsk i timerne i {klasse}",
            "Rollespil i engelsk",
            "Sange og rim i begynderengelsk",
            "Talelyst i tysk",
            "Eleverne optager sig selv på engelsk",
        ],
        "summaries": [
            "Vi talte kun engelsk i timerne og brugte faste fraser og billeder for at alle kunne følge med.",
            "Eleverne lavede rollespil i små grupper for at få mere taletid på engelsk.",
            "Eleverne optog korte lydfiler på tysk, som de lyttede til og forbedrede.",
        ],
        "questions": [
            "Tør flere elever tale, når vi kun bruger målsproget i timerne?",
            "Giver rollespil eleverne mere taletid end klassesamtale?",
            "Kan optagelser hjælpe eleverne til at høre deres egne fejl?",
        ],
        "backgrounds": [
            "Mange elever forstod meget engelsk, men sagde næsten ingenting i timerne.",
            "Det var de samme få elever, der sagde noget på tysk, og resten forsøgte at gemme sig.",
            "Vi ville have mere fokus på det mundtlige, som fylder meget i Fælles Mål.",
        ],
        "actions": [
            "Vi lavede plakater med faste fraser, som eleverne kunne bruge: 'Can you help me?', 'I don't understand' og 'What does ... mean?'.",
            "Grupperne fik et rollekort med en situation, for eksempel at købe ind eller spørge om vej, og øvede sig, før de viste det for en anden gruppe.",
            "Eleverne optog sig selv på tabletten, lyttede, og valgte én ting at gøre bedre i næste optagelse.",
            "Hver time startede med en sang eller et rim, som eleverne efterhånden kunne udenad.",
        ],
        "observations": [
            "Eleverne brugte fraserne fra plakaterne overraskende hurtigt, også uden for timerne.",
            "I rollespillene talte også de stille elever, fordi de kun skulle tale foran få.",
            "Nogle elever var meget kritiske over for deres egen stemme, og vi måtte tale om, at det er normalt.",
            "Sangene gav en god start på timen og et fælles ordforråd, vi kunne bygge videre på.",
        ],
        "findings": [
            (
                "Flere elever siger noget på engelsk i hver time end før.",
                "observations",
                "Optælling af, hvor mange elever der talte, i fire timer før og efter.",
            ),
            (
                "Eleverne er mindre bange for at sige noget forkert.",
                "survey",
                "Spørgeskema om talelyst før og efter forløbet.",
            ),
            (
                "Elevernes udtale blev bedre fra første til sidste optagelse.",
                "pupil_work",
                "Elevernes lydfiler fra forløbets start og slutning.",
            ),
        ],
        "next_steps": [
            "Vi vil lave flere rollekort og dele dem med resten af sprogfagene.",
            "Vi fortsætter med optagelserne og lader eleverne give hinanden feedback på dem.",
            "Næste skridt er at invitere en engelsktalende gæst, eleverne kan interviewe.",
        ],
        "quotes": [
            ("pupil", "Det er nemmere at snakke engelsk, når man er en anden i et rollespil."),
            (
                "pupil",
                "Jeg lød helt mærkelig første gang, men nu lyder jeg næsten som en englænder.",
            ),
            ("colleague", "Plakaterne med fraser var den mindste ændring med den største effekt."),
        ],
    },
    {
        "key": "bevægelse",
        "subjects": ["Idræt", "Matematik", "Dansk"],
        "bands": ["indskoling", "mellemtrin", "udskoling"],
        "tags": ["bevægelse", "motorik"],
        "extra_tags": ["pauser", "koncentration", "aktive læringsformer"],
        "titles": [
            "Bevægelsespauser hver lektion",
            "Faglig bevægelse i {klasse}",
            "Stafetmatematik",
            "Morgenløb før første time",
            "Bevægelse og koncentration i udskolingen",
        ],
        "summaries": [
            "Vi indførte korte bevægelsespauser midt i hver lektion og fulgte elevernes koncentration.",
            "Eleverne lærte gangetabeller og stavning gennem lege og stafetter i skolegården.",
            "Klassen startede dagen med et kort løb, før første lektion begyndte.",
        ],
        "questions": [
            "Bliver eleverne mere koncentrerede efter en kort bevægelsespause?",
            "Kan bevægelse gøre træning af gangetabeller sjovere og mere effektiv?",
            "Hvad betyder et morgenløb for starten på skoledagen?",
        ],
        "backgrounds": [
            "Vi så, at koncentrationen faldt markant efter tyve minutter i næsten alle timer.",
            "Reformen gav os krav om bevægelse, men vi havde svært ved at gøre den faglig.",
            "Mange elever kom trætte i skole og havde svært ved at komme i gang.",
        ],
        "actions": [
            "Midt i hver lektion holdt vi en pause på tre minutter med enkle øvelser, som elever skiftedes til at lede.",
            "Stafetterne havde opgaver ved hver post. Holdet skulle løse opgaven, før næste løber måtte starte.",
            "Hver morgen løb klassen en tur rundt om skolen med en voksen. Hvem der ville, måtte gå.",
            "Vi lavede et kortsæt med bevægelsesøvelser knyttet til det faglige, for eksempel at hoppe tabellerne.",
        ],
        "observations": [
            "Pauserne var hurtigt en fast del af timen, og eleverne mindede os om dem, hvis vi glemte det.",
            "Stafetterne gav meget energi, men også konkurrence, som nogle elever ikke kunne lide.",
            "Efter morgenløbet var der mere ro i første lektion, især på mandage.",
            "I udskolingen var eleverne først forlegne, men de accepterede pauserne, da de selv fik lov at vælge øvelserne.",
        ],
        "findings": [
            (
                "Eleverne arbejder mere koncentreret i anden halvdel af lektionen efter en pause.",
                "observations",
                "Observationsskema brugt i tolv lektioner med og uden pause.",
            ),
            (
                "Eleverne blev hurtigere til gangetabellerne.",
                "test_results",
                "En kort tabeltest hver fredag i seks uger.",
            ),
            (
                "Eleverne oplever, at skoledagen er mindre lang.",
                "survey",
                "Spørgeskema til eleverne om skoledagen.",
            ),
        ],
        "next_steps": [
            "Vi laver en fælles bank af bevægelsesøvelser til alle fag.",
            "Vi vil gøre stafetterne mindre konkurrenceprægede, så alle har lyst til at være med.",
            "Morgenløbet fortsætter to dage om ugen.",
        ],
        "quotes": [
            ("pupil", "Når vi har hoppet lidt, kan jeg bedre finde ud af matematik."),
            ("colleague", "Tre minutter pause gav os tyve gode minutter bagefter."),
            ("pupil", "Morgenløbet er koldt, men det er rart bagefter."),
        ],
    },
    {
        "key": "digital",
        "subjects": ["Teknologiforståelse", "Samfundsfag", "Dansk"],
        "bands": ["mellemtrin", "udskoling"],
        "tags": ["digital dannelse", "teknologiforståelse"],
        "extra_tags": ["programmering", "makerspace", "sociale medier", "kildekritik"],
        "titles": [
            "Eleverne programmerer deres eget spil",
            "Sociale medier i {klasse}",
            "Makerspace i natur/teknologi",
            "Falske nyheder og kildekritik",
        ],
        "summaries": [
            "Eleverne designede og programmerede et lille spil i grupper og testede det på yngre elever.",
            "Vi talte med eleverne om deres brug af sociale medier og lavede klasseregler sammen med dem.",
            "Eleverne undersøgte, hvordan falske nyheder spreder sig, og lavede selv en kildetjekliste.",
        ],
        "questions": [
            "Lærer eleverne mere om teknologi, når de selv skal bygge noget, andre skal bruge?",
            "Kan fælles klasseregler ændre tonen på klassens chat?",
            "Bliver eleverne bedre til at vurdere kilder, når de selv har prøvet at lave en falsk nyhed?",
        ],
        "backgrounds": [
            "Teknologiforståelse er nyt for os, og vi ville finde en form, der giver mening for eleverne.",
            "Der havde været flere konflikter på klassens chat, som fortsatte i skolen.",
            "Eleverne troede på mange ting, de havde set på nettet, uden at undersøge dem.",
        ],
        "actions": [
            "Grupperne interviewede elever fra 2. klasse om, hvilke spil de godt kunne lide, designede et spil på papir og programmerede det bagefter.",
            "Vi lavede en anonym undersøgelse om, hvad eleverne oplevede på sociale medier, og brugte resultatet som udgangspunkt for samtalen.",
            "Eleverne lavede i grupper en falsk nyhed om skolen og prøvede den af på hinanden. Bagefter talte vi om, hvad der gjorde den troværdig.",
            "Vi indrettede et hjørne med pap, tape, microbits og ledninger, hvor eleverne kunne prøve idéer af.",
        ],
        "observations": [
            "Eleverne tog opgaven meget alvorligt, fordi der var rigtige brugere, der skulle prøve spillet.",
            "Samtalen om sociale medier blev mere ærlig, når den tog udgangspunkt i tal fra klassen selv.",
            "Flere grupper blev overraskede over, hvor let det var at lave en troværdig falsk nyhed.",
            "Makerspace gav plads til elever, der ellers ikke markerer sig meget i timerne.",
        ],
        "findings": [
            (
                "Eleverne kunne forklare, hvordan et program træffer valg, efter forløbet.",
                "interviews",
                "Samtaler med grupperne om deres spil.",
            ),
            (
                "Der var færre konflikter fra chatten i skolen efter forløbet.",
                "observations",
                "Vores egne noter og samtaler med klassens kontaktforældre.",
            ),
            (
                "Eleverne stiller flere spørgsmål til kilder end før.",
                "pupil_work",
                "Elevernes kildevurderinger før og efter forløbet.",
            ),
        ],
        "next_steps": [
            "Vi vil lade næste årgang teste spillene, så det bliver en tradition.",
            "Klassereglerne skal op igen efter sommerferien.",
            "Vi vil samarbejde med skolebiblioteket om kildekritik på alle årgange.",
        ],
        "quotes": [
            ("pupil", "Det var svært, men fedt, da de små grinede af vores spil."),
            ("pupil", "Jeg tjekker nu, hvem der har skrevet noget, før jeg deler det."),
            ("colleague", "Det var eleverne, der lærte mig at programmere en microbit."),
        ],
    },
    {
        "key": "historie",
        "subjects": ["Historie", "Kristendomskundskab", "Samfundsfag"],
        "bands": ["mellemtrin", "udskoling"],
        "tags": ["historiebevidsthed", "kildearbejde"],
        "extra_tags": ["kildekritik", "museumsbesøg", "lokalhistorie", "fortællinger"],
        "titles": [
            "Lokalhistorie med {klasse}",
            "Kilder i stedet for lærebogen",
            "Interview med bedsteforældre",
            "Museet som læringsrum",
            "Historiske fortællinger i udskolingen",
        ],
        "summaries": [
            "Eleverne undersøgte deres lokalområdes historie gennem gamle fotos, kort og interviews.",
            "Vi erstattede lærebogen med kilder i et forløb om industrialiseringen.",
            "Eleverne interviewede deres bedsteforældre om deres skoletid og sammenlignede med deres egen.",
        ],
        "questions": [
            "Bliver historie mere vedkommende, når det handler om elevernes eget område?",
            "Kan eleverne selv finde svar i kilder, når de får de rigtige spørgsmål?",
            "Hvad lærer eleverne om forandring ved at sammenligne med deres bedsteforældre?",
        ],
        "backgrounds": [
            "Eleverne syntes, at historie handlede om noget langt væk, der ikke havde med dem at gøre.",
            "Lærebogen gav eleverne svar, men ikke lyst til at stille spørgsmål.",
            "Kanonpunkterne kan føles fjerne, og vi ville bygge bro til elevernes egne liv.",
        ],
        "actions": [
            "Vi fandt gamle fotos af skolens område på lokalarkivet, og eleverne gik ud og tog billeder de samme steder i dag.",
            "Eleverne fik en mappe med kilder: breve, fotos, en avisartikel og en lønseddel. Grupperne skulle finde ud af, hvordan livet var for en fabriksarbejder.",
            "Eleverne lavede en interviewguide i klassen og interviewede deres bedsteforældre eller en ældre nabo om skolen dengang.",
            "Vi besøgte det lokale museum, hvor eleverne fik en opgave, de skulle løse ved hjælp af genstandene.",
        ],
        "observations": [
            "Eleverne blev meget optagede af, at de kunne genkende steder på de gamle billeder.",
            "Grupperne skændtes om, hvad kilderne betød, og det var præcis det, vi ville have.",
            "Interviewene gav gode samtaler derhjemme, og flere forældre skrev til os om dem.",
            "På museet var det de små opgaver, der fik eleverne til at se efter, i stedet for at gå forbi.",
        ],
        "findings": [
            (
                "Eleverne stiller flere spørgsmål til kilder end før forløbet.",
                "pupil_work",
                "Elevernes kildeanalyser fra første og sidste uge.",
            ),
            (
                "Eleverne kan bedre forklare forandring over tid.",
                "interviews",
                "Samtaler med elevgrupper ved forløbets slutning.",
            ),
            (
                "Forløbet skabte kontakt mellem skole og hjem.",
                "other",
                "Beskeder fra forældre på Aula i forløbsperioden.",
            ),
        ],
        "next_steps": [
            "Vi vil lave et fast samarbejde med lokalarkivet.",
            "Kildemapperne deles med de andre historielærere på skolen.",
            "Næste gang vil vi lade eleverne præsentere for deres bedsteforældre.",
        ],
        "quotes": [
            ("pupil", "Min farfar fik slag af læreren. Det kunne jeg slet ikke forestille mig."),
            ("pupil", "Det er vildt, at der lå en fabrik, hvor vores fodboldbane er nu."),
            ("parent", "Det var en af de bedste samtaler, vi har haft ved middagsbordet længe."),
        ],
    },
    {
        "key": "elevstemme",
        "subjects": ["Dansk", "Matematik", "Samfundsfag", "Billedkunst"],
        "bands": ["indskoling", "mellemtrin", "udskoling"],
        "tags": ["elevinddragelse", "elevstemme"],
        "extra_tags": ["medbestemmelse", "elevråd", "projektarbejde", "motivation"],
        "titles": [
            "Eleverne planlægger forløbet med",
            "Elevråd i {klasse}",
            "Valgfrie opgaver på tre niveauer",
            "Eleverne evaluerer undervisningen",
            "Projektuge med elevernes egne spørgsmål",
        ],
        "summaries": [
            "Vi lod eleverne være med til at planlægge et forløb, fra mål til aktiviteter.",
            "Eleverne kunne vælge mellem opgaver på tre niveauer og skulle selv vurdere, hvad der passede dem.",
            "Hver tredje uge evaluerede eleverne undervisningen, og vi ændrede noget ud fra deres svar.",
        ],
        "questions": [
            "Bliver eleverne mere motiverede, når de er med til at planlægge undervisningen?",
            "Vælger eleverne opgaver, der passer til deres niveau, når de selv må vælge?",
            "Hvad sker der, når eleverne kan se, at deres evaluering faktisk ændrer noget?",
        ],
        "backgrounds": [
            "Mange elever sagde i trivselsmålingen, at de ikke har indflydelse på undervisningen.",
            "Vi oplevede en klasse med lav motivation og ville prøve at give eleverne mere ansvar.",
            "Skolens værdier taler om medbestemmelse, men vi kunne ikke se det i vores timer.",
        ],
        "actions": [
            "Vi præsenterede målene for forløbet, og eleverne foreslog i grupper, hvordan vi kunne nå dem. Vi valgte sammen tre aktiviteter fra deres forslag.",
            "Opgaverne var markeret med grøn, gul og rød. Eleverne valgte selv og skrev en sætning om, hvorfor de valgte, som de gjorde.",
            "Evalueringen var tre spørgsmål: Hvad skal vi blive ved med, hvad skal vi stoppe med, og hvad skal vi prøve?",
            "I projektugen formulerede eleverne deres egne spørgsmål og fremlagde svarene på en messe for forældrene.",
        ],
        "observations": [
            "Eleverne foreslog ofte aktiviteter, der lignede dem, vi selv ville have valgt, men de tog mere ejerskab.",
            "De fleste valgte opgaver, der passede, men nogle valgte for let, og vi måtte tale med dem om det.",
            "Da eleverne så, at vi ændrede noget efter evalueringen, blev svarene mere gennemtænkte.",
            "Messen gav eleverne en grund til at gøre sig umage, som vi ikke kunne have givet dem.",
        ],
        "findings": [
            (
                "Flere elever oplever, at de har indflydelse på undervisningen.",
                "survey",
                "Trivselsmålingens spørgsmål om indflydelse før og efter.",
            ),
            (
                "Eleverne valgte i de fleste tilfælde opgaver på et passende niveau.",
                "pupil_work",
                "Elevernes valg sammenholdt med deres resultater.",
            ),
            (
                "Evalueringerne blev mere konkrete, efterhånden som eleverne så dem bruges.",
                "pupil_work",
                "Elevernes skriftlige evalueringer gennem forløbet.",
            ),
        ],
        "next_steps": [
            "Vi vil bruge evalueringsmodellen i alle fag i klassen.",
            "Vi vil tale mere med eleverne om, hvordan man vælger en passende udfordring.",
            "Elevrådet skal være med til at planlægge næste projektuge.",
        ],
        "quotes": [
            ("pupil", "Det var første gang, nogen spurgte, hvordan vi gerne ville lære det."),
            ("colleague", "Jeg var bange for at miste styringen, men det skete ikke."),
            ("pupil", "Jeg valgte den gule, fordi den grønne ville være for kedelig."),
        ],
    },
]

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

CURATOR_NOTES = [
    "Et godt sted at starte: forsøget er enkelt at gå i gang med og kræver ingen særlige materialer.",
    "Læg mærke til, hvordan teamet målte før og efter. Det kan de fleste skoler gøre på samme måde.",
    "Her er resultaterne tydelige, og teamet beskriver ærligt, hvad der ikke virkede.",
    "Forsøget er tilpasset en skole med mange tosprogede elever og viser, hvordan det kan gøres.",
    "Et godt eksempel på, hvordan et forsøg fra én skole kan gentages på en anden.",
    "Læs især refleksionen til sidst: den rummer gode råd om tid og planlægning.",
]
