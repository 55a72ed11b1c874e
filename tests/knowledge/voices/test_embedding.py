"""The sentence model: the pinned file, the same vectors for fixed sentences, and the fallback."""

import json
from pathlib import Path

import numpy as np

from knowledge.voices.analysis import Answer, analyse, embedding

FIXED = json.loads((Path(__file__).parent / "fixed_vectors.json").read_text(encoding="utf-8"))


def test_the_installed_model_file_is_the_pinned_one():
    path = embedding.model_file()
    assert path is not None and path.exists()
    assert embedding.file_sha256(path) == embedding.MODEL_SHA256


def test_fixed_sentences_still_give_the_stored_vectors():
    embedder = embedding.load_embedder()
    assert embedder is not None and embedder.name == FIXED["model"]
    vectors = embedder.embed(FIXED["sentences"])
    assert vectors.shape == (3, embedding.DIMENSIONS)
    np.testing.assert_allclose(vectors, np.array(FIXED["vectors"]), atol=2e-6)


def test_vectors_survive_the_round_trip_through_stored_bytes():
    vector = np.array(FIXED["vectors"][0], dtype=np.float32)
    data = embedding.to_bytes(vector)
    assert len(data) == 4 * embedding.DIMENSIONS
    np.testing.assert_array_equal(embedding.from_bytes(data), vector)


def test_a_model_file_that_is_not_the_pinned_one_is_refused(monkeypatch, tmp_path):
    impostor = tmp_path / "e5-small-q4.bin"
    impostor.write_bytes(b"not the model")
    monkeypatch.setattr(embedding, "model_file", lambda: impostor)
    assert embedding._load() is None


def test_without_the_model_the_analysis_runs_on_words_alone(monkeypatch):
    monkeypatch.setattr(embedding, "model_file", lambda: None)
    assert embedding._load() is None
    texts = [
        "flere nye bøger på biblioteket",
        "biblioteket skal have nye bøger",
        "nye bøger til skolebiblioteket",
        "mindre tid på mobilen",
        "mobilen skal væk",
        "mindre mobil om aftenen",
        "min mor læser højt",
        "forældre skal læse højt",
        "far læser højt for mig",
    ]
    picture = analyse([Answer(str(i), t) for i, t in enumerate(texts)], embedder=None)
    assert not picture.used_sentence_vectors
    assert sorted(i for theme in picture.themes for i in theme.answers) == sorted(
        str(i) for i in range(len(texts))
    )
