"""Words of an answer as the analysis counts them: the search's Danish folding and stemming
(``knowledge.search.whoosh_backend.danish``), minus the words every answer to an open question uses."""

from knowledge.search.whoosh_backend.danish import STOP_WORDS, WORD_RE, fold, stem

# Words that say the answer is an opinion, not what it is about ("jeg synes bare at...");
# written in pupils' spellings too. Folded before use, like the search's own stop words.
_ANSWER_WORDS = """
synes syns synts tror tænker mener syntes vil ville kan kunne skal skulle må måtte får få fik
gør gøre gjort godt lidt mere mest meget rigtig rigtigt virkelig bare også altså måske nok
helt jo lige faktisk fordi fordi så hvis når da nogen noget nogle alle ting tingene sådan
mange flere ja nej ok okay hmm osv mm fx feks f.eks gerne egentlig blive bliver blevet være
er var have har havde hvordan hvorfor hvad hvem der her the and sku ska vel ik ikk nå man
altid aldrig ingen intet hele tiden stedet sted to tre gang gange lave laver gå går tage tager
komme kommer sige siger hinanden andre anden andet også eller fx
""".split()

# Words of how an answer is put rather than what it says: adults' formal frame ("efter min
# vurdering", "tak for muligheden") and pupils' fillers ("mega", "lol"). Left in, they group the
# answers by who wrote them (tests/knowledge/voices/picture/test_differences.py).
_FRAME_WORDS = """
mening opfattelse vurdering vurderer oplever opleve oplevet erfaring erfaringer overordnet
personligt generelt desuden derfor således eksempelvis ligeledes endvidere naturligvis
selvfølgelig afgørende væsentligt vigtigt vigtig vigtigheden klart behov tak bidrage håber
foreslå forslag overveje gælder lol haha hehe øhm øh plz pls mega vildt fedt nice sejt
""".split()

ANSWER_STOP_WORDS = STOP_WORDS | frozenset(fold(w) for w in _ANSWER_WORDS + _FRAME_WORDS)


def folded_words(text: str) -> list[str]:
    """Lowercased, folded words of a text (æ -> ae), digits left out."""
    return [fold(w.lower()) for w in WORD_RE.findall(text) if not w.isdigit()]


def content_words(text: str) -> list[str]:
    """The words an answer is about: folded, stop words dropped."""
    return [word for word in folded_words(text) if len(word) > 1 and word not in ANSWER_STOP_WORDS]


def content_stems(text: str) -> list[str]:
    """The stems an answer is about: folded, stop words dropped, Danish stemming."""
    return [stem(word) for word in content_words(text)]


def surface_forms(text: str) -> list[tuple[str, str]]:
    """``(stem, word as written, lowercased)`` pairs, to name a theme with real words."""
    pairs = []
    for word in WORD_RE.findall(text):
        if word.isdigit():
            continue
        lowered = word.lower()
        folded = fold(lowered)
        if len(folded) > 1 and folded not in ANSWER_STOP_WORDS:
            pairs.append((stem(folded), lowered))
    return pairs
