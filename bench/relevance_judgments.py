"""Graded relevance judgments (0-3) for bench/search_relevance.py, over the demo network.

The demo network (knowledge.demo, seed 1) composes every experiment from one theme's titles,
tags and subjects, so a judgment is a rule over an experiment's title, tags and subjects rather
than a list of page ids: it holds for any network size. An experiment's grade for a query is the
highest grade of the rules it satisfies (every condition of a rule must hold; a condition
matches when any of its values does; titles match on a case-insensitive substring).

3 = exactly what was asked for (usually: the words are the experiment's title or main idea)
2 = clearly about it (carries the specific tag)
1 = the broader topic (the theme's general tag or subject)
"""


def rule(grade, title=(), tags=(), subjects=()):
    return {"grade": grade, "title": list(title), "tags": list(tags), "subjects": list(subjects)}


def topic(query, title, tag, broad, note=""):
    """The common shape: 3 for the title words, 2 for the specific tag, 1 for the broad tag."""
    rules = [rule(3, title=title)]
    if tag:
        rules.append(rule(2, tags=tag))
    if broad:
        rules.append(rule(1, tags=broad))
    return {"query": query, "rules": rules, "note": note}


def synonym(query, tags, broad):
    """A query in other words than the experiments': 2 for the tag it means, 1 for the broad one."""
    return {
        "query": query,
        "rules": [rule(2, tags=tags), rule(1, tags=broad)],
        "note": "synonym",
    }


JUDGMENTS = [
    topic("læsemakkere", ["læsemakker"], ["læsemakkere"], ["læsning"]),
    topic(
        "læse makkere", ["læsemakker"], ["læsemakkere"], ["læsning"], "compound split by the user"
    ),
    topic("laesemakkere", ["læsemakker"], ["læsemakkere"], ["læsning"], "ae for æ"),
    topic("højtlæsning", ["højtlæsning"], ["højtlæsning"], ["læsning"]),
    topic("hoejtlaesning", ["højtlæsning"], ["højtlæsning"], ["læsning"], "oe/ae for ø/æ"),
    {
        "query": "læselyst",
        "note": "",
        "rules": [rule(3, title=["læs", "bøger"], tags=["læselyst"]), rule(2, tags=["læselyst"])],
    },
    topic("læsebånd", ["læsebånd"], [], ["læsning"]),
    topic("ordforråd", ["ordene"], ["ordforråd"], ["læsning", "mundtlighed"]),
    topic("skriveværksted", ["skriveværksted"], [], ["skrivning"]),
    topic("skrive værksted", ["skriveværksted"], [], ["skrivning"], "compound split by the user"),
    topic("respons på tekster", ["respons"], ["respons"], ["skrivning"]),
    topic("modeltekster", ["modeltekster"], ["stilladsering"], ["skrivning"]),
    topic("fri skrivning", ["fri skrivning"], ["skrivelyst"], ["skrivning"]),
    topic("matematiksamtaler", ["matematiksamtaler"], ["matematiksamtaler"], ["matematik"]),
    topic(
        "matematik samtaler",
        ["matematiksamtaler"],
        ["matematiksamtaler"],
        ["matematik"],
        "compound split",
    ),
    topic("brøkregning", ["brøkregning"], ["konkreter"], ["matematik"]),
    topic("regnestrategier", ["regnestrategier"], ["regnestrategier"], ["matematik"]),
    topic("dagens tal", ["dagens tal"], ["talforståelse"], ["matematik"]),
    topic("hypotese", ["hypotese"], ["hypoteser"], ["naturfaglige undersøgelser"]),
    topic("vandløbsundersøgelse", ["vandløb"], [], ["naturfaglige undersøgelser"]),
    topic("undersøgelser", ["undersøgelse"], ["naturfaglige undersøgelser"], ["laboratorium"]),
    topic("frikvarter", ["frikvarter"], ["frikvarter"], ["trivsel"]),
    topic("legegrupper", ["legegrupper"], [], ["trivsel"]),
    topic("morgenmøde", ["morgenmøde"], [], ["trivsel"]),
    topic("klassens time", ["klassens time"], ["klassens time"], ["trivsel"]),
    topic("co-teaching", ["co-teaching"], ["co-teaching"], ["to-lærerordning"]),
    topic("to lærere", ["to lærere", "to voksne"], ["to-lærerordning"], ["co-teaching"]),
    topic("stationsundervisning", ["stationsundervisning"], [], ["co-teaching"]),
    topic("exit-sedler", ["exit-sedler"], ["exit-sedler"], ["feedback"]),
    topic(
        "feedback uden karakterer",
        ["feedback uden karakterer"],
        ["feedback"],
        ["formativ evaluering"],
    ),
    topic("elevsamtaler", ["elevsamtaler"], ["elevsamtaler"], ["feedback"]),
    topic("selvevaluering", ["vurderer selv"], ["selvevaluering"], ["formativ evaluering"]),
    topic("udeskole", ["udeskole"], ["udeskole"], ["naturen", "skoven"]),
    topic("skoven", ["skoven"], ["skoven"], ["udeskole"]),
    topic(
        "matematik i skolegården", ["matematik i skolegården"], ["udendørs matematik"], ["udeskole"]
    ),
    topic("rollespil", ["rollespil"], ["rollespil"], ["mundtlighed"]),
    topic("talelyst", ["talelyst"], ["talelyst"], ["fremmedsprog"]),
    topic("bevægelsespauser", ["bevægelsespauser"], ["pauser"], ["bevægelse"]),
    topic("bevægelse og koncentration", ["koncentration"], ["koncentration"], ["bevægelse"]),
    topic("stafetmatematik", ["stafetmatematik"], [], ["motorik"]),
    topic("programmering", ["programmerer"], ["programmering"], ["teknologiforståelse"]),
    topic("kildekritik", ["kildekritik"], ["kildekritik"], ["kildearbejde", "digital dannelse"]),
    topic("falske nyheder", ["falske nyheder"], [], ["digital dannelse"]),
    topic("lokalhistorie", ["lokalhistorie"], ["lokalhistorie"], ["historiebevidsthed"]),
    topic("museumsbesøg", ["museet"], ["museumsbesøg"], ["kildearbejde"]),
    topic("elevråd", ["elevråd"], ["elevråd"], ["elevstemme"]),
    topic("projektuge", ["projektuge"], ["projektarbejde"], ["elevinddragelse"]),
    topic("regnestrateiger", ["regnestrategier"], ["regnestrategier"], ["matematik"], "typo"),
    # Synonyms: other words than the experiments' own for what they are about.
    synonym("tilbagemelding til eleverne", ["feedback"], ["formativ evaluering"]),
    synonym("to voksne i klassen", ["co-teaching", "to-lærerordning"], ["holddannelse"]),
    synonym("udendørs undervisning", ["udeskole"], ["naturen", "skoven"]),
    synonym("fysisk aktivitet i timerne", ["bevægelse"], ["motorik", "pauser"]),
    synonym("elevindflydelse", ["elevinddragelse", "elevstemme"], ["medbestemmelse"]),
    synonym("kodning", ["programmering"], ["teknologiforståelse"]),
    synonym("klassefællesskab", ["fællesskab"], ["trivsel"]),
    synonym("oplæsning", ["højtlæsning"], ["læsning"]),
    synonym("selvvurdering", ["selvevaluering"], ["formativ evaluering"]),
]


def grade(judgment, title, tags, subjects):
    title = title.lower()
    tags = {t.lower() for t in tags}
    subjects = {s.lower() for s in subjects}
    best = 0
    for r in judgment["rules"]:
        if r["title"] and not any(part.lower() in title for part in r["title"]):
            continue
        if r["tags"] and not tags & {t.lower() for t in r["tags"]}:
            continue
        if r["subjects"] and not subjects & {s.lower() for s in r["subjects"]}:
            continue
        best = max(best, r["grade"])
    return best
