"""Themes as clusters: over-cluster with k-means, then merge cautiously.

Choosing the number of themes by silhouette merged the small themes into big ones; asking
k-means for many more clusters than there are themes keeps a small theme in a cluster of its
own, and merging only clusters that are clearly one theme (their members are as close to each
other across the pair as within each) keeps it there.
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize

MAX_THEMES = 30


def first_cluster_count(n: int, per_sqrt: float = 2.2, ceiling: int = 60) -> int:
    """How many clusters k-means is asked for before merging: about 2·√n, at most ``ceiling``."""
    if n < 4:
        return 1
    return max(2, min(ceiling, n // 3, round(per_sqrt * math.sqrt(n))))


def kmeans_labels(vectors: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    # Identical answers ("Mindre skærm" fifty times) leave fewer distinct points than clusters.
    k = min(k, len(np.unique(vectors.round(5), axis=0)))
    if k <= 1:
        return np.zeros(len(vectors), dtype=int)
    # Three starts steady the small sets; past 500 answers one start is as steady and three
    # cost more than the rest of the analysis (1,000 answers: 12.9 s with three, see bench).
    model = KMeans(n_clusters=k, n_init=3 if len(vectors) <= 500 else 1, random_state=seed)
    # float64: scikit-learn computes float32 distances in up-cast chunks, 10x slower here.
    return model.fit_predict(vectors.astype(np.float64))


class _Cluster:
    """A cluster as the sum of its unit vectors: mean cross-similarity and cohesion follow from
    sums alone (mean of u·v over pairs = mean(u)·mean(v)), so merging costs O(k²·d), not O(n²)."""

    def __init__(self, vectors, members):
        self.members = list(members)
        self.total = vectors[self.members].sum(axis=0)

    def __len__(self):
        return len(self.members)

    def absorb(self, other):
        self.members += other.members
        self.total = self.total + other.total

    @property
    def cohesion(self):
        n = len(self.members)
        if n < 2:
            return 1.0
        return float((self.total @ self.total - n) / (n * (n - 1)))

    def cross(self, other):
        return float(self.total @ other.total) / (len(self) * len(other))


def _linkage(a: _Cluster, b: _Cluster) -> float:
    """Cross-similarity of two clusters relative to how tight the looser of them is."""
    return a.cross(b) / max(min(a.cohesion, b.cohesion), 1e-6)


def merge_clusters(
    vectors: np.ndarray,
    labels: np.ndarray,
    ratio: float = 0.7,
    max_themes: int = MAX_THEMES,
    min_size: int = 2,
) -> np.ndarray:
    """Merge the most alike pair of clusters while their cross-similarity is at least ``ratio``
    of the looser one's own cohesion; then keep merging until at most ``max_themes`` remain.
    Clusters smaller than ``min_size`` join the cluster they are most like."""
    clusters = [_Cluster(vectors, np.flatnonzero(labels == c)) for c in np.unique(labels)]
    while len(clusters) > 1:
        pairs = [
            (_linkage(a, b), i, j)
            for i, a in enumerate(clusters)
            for j, b in enumerate(clusters)
            if i < j
        ]
        best, i, j = max(pairs)
        if best < ratio and len(clusters) <= max_themes:
            small = [c for c in range(len(clusters)) if len(clusters[c]) < min_size]
            if not small:
                break
            i = small[0]
            j = max(
                (c for c in range(len(clusters)) if c != i),
                key=lambda c: _linkage(clusters[i], clusters[c]),
            )
            i, j = min(i, j), max(i, j)
        clusters[i].absorb(clusters.pop(j))
    merged = np.empty(len(labels), dtype=int)
    for label, cluster in enumerate(sorted(clusters, key=lambda c: (-len(c), min(c.members)))):
        merged[cluster.members] = label
    return merged


def centroids(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    count = labels.max() + 1
    return normalize(np.vstack([vectors[labels == c].mean(axis=0) for c in range(count)]))
