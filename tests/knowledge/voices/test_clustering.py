"""How many themes: as many as the answers form (not a fixed count), small ones kept apart."""

import numpy as np
from sklearn.preprocessing import normalize

from knowledge.voices.analysis.clustering import MAX_THEMES, merge_groups, start_groups


def answers_around(sizes, dimensions=80, spread=0.5, seed=0):
    """Unit vectors in groups of the given sizes, each group around its own direction (the
    directions at right angles, so groups are unlike each other as different themes are)."""
    rng = np.random.default_rng(seed)
    centres = np.linalg.qr(rng.normal(size=(dimensions, len(sizes))))[0].T
    rows, truth = [], []
    for label, (centre, size) in enumerate(zip(centres, sizes)):
        noise = rng.normal(scale=spread / np.sqrt(dimensions), size=(size, dimensions))
        rows.append(centre + noise)
        truth += [label] * size
    return normalize(np.vstack(rows)).astype(np.float32), np.array(truth)


def themes_of(vectors):
    return merge_groups(vectors, start_groups(vectors))


def test_the_number_of_themes_is_the_number_the_answers_form():
    vectors, truth = answers_around([60, 45, 30, 20, 5])
    labels = themes_of(vectors)
    assert labels.max() + 1 == 5
    for theme in range(5):
        assert len(set(truth[labels == theme])) == 1


def test_a_small_theme_beside_big_ones_stays_a_theme_of_its_own():
    vectors, truth = answers_around([120, 100, 4], spread=0.9)
    labels = themes_of(vectors)
    small = labels[truth == 2]
    assert len(set(small)) == 1 and (labels == small[0]).sum() == 4


def test_more_groups_than_a_reader_can_take_in_are_merged_down_to_the_cap():
    vectors, _ = answers_around([4] * 45, dimensions=200, spread=0.3)
    labels = themes_of(vectors)
    assert labels.max() + 1 == MAX_THEMES


def test_a_stray_answer_joins_the_theme_it_is_most_like():
    vectors, truth = answers_around([30, 30])
    # Barely like the second theme (mean cosine about 0.1, below the merge threshold).
    elsewhere = normalize(np.random.default_rng(5).normal(size=(1, vectors.shape[1])))
    stray = normalize(elsewhere + 0.1 * normalize(vectors[truth == 1].mean(axis=0, keepdims=True)))
    labels = themes_of(np.vstack([vectors, stray]).astype(np.float32))
    assert labels.max() + 1 == 2
    assert labels[-1] == labels[:-1][truth == 1][0]


def test_above_the_single_answer_limit_the_merging_starts_from_k_means_groups():
    vectors, truth = answers_around([300, 200, 100, 20], seed=1)
    assert len(np.unique(start_groups(vectors))) == 150
    labels = themes_of(vectors)
    assert labels.max() + 1 == 4
