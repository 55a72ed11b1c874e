"""The offline theme analysis of open answers: plain Python, numpy and scikit-learn, no Django.

``analyse(answers)`` is the one entry point; the site's background task, the
``analyse_answers`` command and ``bench/voices_quality.py`` all call it.
"""

from .pipeline import Answer, Picture, Theme, analyse

__all__ = ["Answer", "Picture", "Theme", "analyse"]
