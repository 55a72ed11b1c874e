"""Speed and memory of voices at 1,000 / 5,000 / 20,000 answers, against plain TF-IDF + k-means.

    .venv/bin/python bench/voices.py [--sizes 1000 5000 20000] [--embed-sample 200]

Each size runs in a fresh process with a throwaway database (so peak memory is that size's own):
- import: a CSV of N answers through the import's own read_table, check_rows and store_answers
  (one transaction, bulk_create), the vector task left out and timed apart;
- embedding: ms per answer for e5 on ``--embed-sample`` answers (batched, as the task does);
  the other answers get the vector of the tuning-set answer they vary, so the analysis works on
  stored vectors as on the site without embedding 20,000 answers here;
- analysis: the site's task (run_analysis: read the stored answers and vectors, analyse, store
  the result), wall time and peak resident memory of the process;
- baseline: TF-IDF of stems + k-means (k = 12) on the same texts, the ratio printed beside it.
Answers are the tuning set's 600 answers, varied (words dropped or repeated) to reach N.
"""

import argparse
import csv
import io
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
TUNING = BASE_DIR / "bench" / "voices_sets" / "tuning"


def tuning_texts():
    texts = []
    for name in ("q1.csv", "q2.csv", "q3.csv"):
        with open(TUNING / name, encoding="utf-8") as handle:
            texts += [row["text"] for row in csv.DictReader(handle)]
    return texts


def varied(texts, n, seed=1):
    """n answers: the base texts, then variations with a word dropped or repeated."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = i % len(texts)
        words = texts[base].split()
        if i >= len(texts) and len(words) > 3:
            j = rng.randrange(len(words))
            words = words[:j] + words[j + 1 :] if rng.random() < 0.5 else words[: j + 1] + words[j:]
        out.append((base, " ".join(words)))
    return out


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_size(n, embed_sample):
    import os
    import tempfile

    os.environ["PRAKSISNET_DATA_DIR"] = tempfile.mkdtemp(prefix="praksisnet-voices-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "praksisnet.settings.dev"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import numpy as np
    from sklearn.cluster import KMeans

    from knowledge.voices import importing
    from knowledge.voices.analysis.embedding import load_embedder, to_bytes
    from knowledge.voices.analysis.vectorise import stem_matrix
    from knowledge.voices.models import Analysis, Answer, OpenQuestion
    from knowledge.voices.tasks import run_analysis
    from tests.support.network import make_municipality, make_school

    school = make_school(make_municipality("Bench Kommune"), "Benchskolen")
    question = OpenQuestion.objects.create(owner_school=school, question="Bench?")
    base_texts = tuning_texts()
    answers = varied(base_texts, n)

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["svar", "gruppe", "skole"])
    groups = ["elev", "forælder", "lærer", "andet personale"]
    writer.writerows([text, groups[i % 4], "Benchskolen"] for i, (_b, text) in enumerate(answers))
    data = out.getvalue().encode("utf-8")
    importing.enqueue_embedding = lambda ids: None
    started = time.perf_counter()
    table = importing.read_table("bench.csv", data)
    checked = importing.check_rows(table, 0, 1, 2, {s.title: s for s in question.school_choices()})
    importing.store_answers(question, checked.answers)
    import_seconds = time.perf_counter() - started
    assert not checked.problems and question.answers.count() == n

    embedder = load_embedder()
    sample = [text for _b, text in answers[:embed_sample]]
    started = time.perf_counter()
    embedder.embed(sample)
    embed_ms = 1000 * (time.perf_counter() - started) / len(sample)
    base_vectors = embedder.embed(base_texts)
    stored = list(question.answers.order_by("pk"))
    for answer, (base, _text) in zip(stored, answers):
        answer.embedding = to_bytes(base_vectors[base])
    Answer.objects.bulk_update(stored, ["embedding"], batch_size=1000)

    before = peak_mb()
    analysis = Analysis.objects.create(question=question)
    started = time.perf_counter()
    run_analysis.call(analysis.pk)
    analysis_seconds = time.perf_counter() - started
    analysis.refresh_from_db()
    assert analysis.status == "done", analysis.error

    started = time.perf_counter()
    matrix, _ = stem_matrix([text for _b, text in answers])
    KMeans(n_clusters=12, n_init=3, random_state=0).fit(matrix)
    baseline_seconds = time.perf_counter() - started
    return {
        "n": n,
        "import_s": import_seconds,
        "embed_ms": embed_ms,
        "analysis_s": analysis_seconds,
        "baseline_s": baseline_seconds,
        "peak_mb": peak_mb(),
        "peak_before_analysis_mb": before,
        "themes": len(analysis.result["themes"]),
        "np": np.__version__,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--embed-sample", type=int, default=200)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        sys.path.insert(0, str(BASE_DIR))
        print(json.dumps(one_size(arguments.one, arguments.embed_sample)))
        return
    print(
        f"{'answers':>8} {'import s':>9} {'embed ms/answer':>16} {'analysis s':>11} "
        f"{'TF-IDF+k-means s':>17} {'ratio':>6} {'peak MB':>8} {'themes':>7}"
    )
    for n in arguments.sizes:
        output = (
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    str(n),
                    "--embed-sample",
                    str(arguments.embed_sample),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        r = json.loads(output)
        print(
            f"{r['n']:>8} {r['import_s']:>9.2f} {r['embed_ms']:>16.1f} {r['analysis_s']:>11.2f} "
            f"{r['baseline_s']:>17.2f} {r['analysis_s'] / r['baseline_s']:>6.1f} "
            f"{r['peak_mb']:>8.0f} {r['themes']:>7}",
            flush=True,
        )


if __name__ == "__main__":
    main()
