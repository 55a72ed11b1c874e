"""Quality of the voices analysis on a labelled set, against plain TF-IDF + k-means (true k).

    .venv/bin/python bench/voices_quality.py --set bench/voices_sets/tuning

A set is a folder with questions.json and one CSV per question (id,text,group,school,themes;
``themes`` is one or two slugs separated by "|", the first counts for NMI and ARI). For each
question, and as a mean, it prints for three methods in the same run:

- the project's pipeline (knowledge.voices.analysis.analyse, exactly what the site runs),
- the same pipeline without sentence vectors (the fallback when the model is absent),
- the baseline: TF-IDF of Danish stems + k-means with the true number of themes; its "quotes"
  are the three answers nearest each cluster centre and it has no unique voices.

Columns: NMI and ARI (first theme of each answer against the theme the method put it in);
"own" = share of minority themes recovered as a theme of their own (a found theme holding at
least half of the minority theme's answers, at least half of whose answers have it); "seen" =
share of minority themes with at least one answer among the quotes or unique voices; "themes" =
number of themes found.
"""

import argparse
import json
import statistics
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from knowledge.voices.analysis import analyse
from knowledge.voices.analysis.answer_files import read_answers_csv
from knowledge.voices.analysis.embedding import load_embedder
from knowledge.voices.analysis.vectorise import stem_matrix


def baseline_picture(texts, ids, k):
    """TF-IDF of stems + k-means (true k); quotes = 3 answers nearest each centre."""
    matrix, _ = stem_matrix(texts)
    model = KMeans(n_clusters=k, n_init=3, random_state=0).fit(matrix)
    distances = model.transform(matrix)
    themes = []
    for label in range(k):
        members = np.flatnonzero(model.labels_ == label)
        nearest = members[np.argsort(distances[members, label])[:3]]
        themes.append({"answers": [ids[i] for i in members], "quotes": [ids[i] for i in nearest]})
    return {"themes": themes, "unique_voices": []}


def scores(picture, true_first, true_all, minority_slugs):
    ids = list(true_first)
    found = {}
    for number, theme in enumerate(picture["themes"]):
        for answer_id in theme["answers"]:
            found.setdefault(answer_id, number)
    predicted = [found.get(i, -1) for i in ids]
    truth = [true_first[i] for i in ids]
    shown = {i for t in picture["themes"] for i in t["quotes"]} | set(picture["unique_voices"])
    own = seen = 0
    for slug in minority_slugs:
        members = {i for i in ids if slug in true_all[i]}
        seen += bool(members & shown)
        for theme in picture["themes"]:
            overlap = len(members & set(theme["answers"]))
            if overlap >= len(members) / 2 and overlap >= len(theme["answers"]) / 2:
                own += 1
                break
    count = max(len(minority_slugs), 1)
    return {
        "NMI": normalized_mutual_info_score(truth, predicted),
        "ARI": adjusted_rand_score(truth, predicted),
        "own": own / count,
        "seen": seen / count,
        "themes": len(picture["themes"]),
    }


def print_row(label, method, row):
    print(
        f"{label:<10} {method:<22} NMI {row['NMI']:.3f}  ARI {row['ARI']:.3f}  "
        f"own {row['own']:.2f}  seen {row['seen']:.2f}  themes {row['themes']:.1f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", required=True, type=Path, help="folder with questions.json")
    arguments = parser.parse_args()
    questions = json.loads((arguments.set / "questions.json").read_text(encoding="utf-8"))
    embedder = load_embedder()
    print(f"sentence vectors: {embedder.name if embedder else 'none (model not installed)'}")
    methods = ["pipeline", "pipeline, words only", "TF-IDF + k-means"]
    results = {m: [] for m in methods}
    for question in questions:
        answers, rows = read_answers_csv(arguments.set / question["file"])
        true_all = {a.id: row["themes"].split("|") for a, row in zip(answers, rows)}
        true_first = {i: slugs[0] for i, slugs in true_all.items()}
        minority = [s for s, theme in question["themes"].items() if theme["minority"]]
        texts, ids = [a.text for a in answers], [a.id for a in answers]
        if embedder is not None:
            for answer, vector in zip(answers, embedder.embed(texts)):
                answer.vector = vector
        pictures = {
            "pipeline": analyse(answers, embedder=embedder).as_dict(),
            "pipeline, words only": analyse(
                [type(a)(a.id, a.text, a.group, a.school) for a in answers], embedder=None
            ).as_dict(),
            "TF-IDF + k-means": baseline_picture(texts, ids, len(question["themes"])),
        }
        for method in methods:
            row = scores(pictures[method], true_first, true_all, minority)
            results[method].append(row)
            print_row(question["file"], method, row)
    print()
    for method in methods:
        mean = {key: statistics.mean(r[key] for r in results[method]) for key in results[method][0]}
        print_row("mean", method, mean)
    base = statistics.mean(r["NMI"] for r in results["TF-IDF + k-means"])
    ours = statistics.mean(r["NMI"] for r in results["pipeline"])
    print(f"\nNMI ratio pipeline / TF-IDF + k-means: {ours / base:.2f}")


if __name__ == "__main__":
    main()
