"""Every voice counts: open questions, their answers and the offline analysis of their themes.

The analysis engine lives in ``knowledge.voices.analysis`` and imports nothing from Django, so
the site, the ``analyse_answers`` command and the benchmarks run exactly the same code.
"""
