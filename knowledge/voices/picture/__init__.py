"""The picture of a question's answers that its owner reads and shapes, and publishes.

``building.py`` draws it from the newest analysis and the owner's edits (``edits.py``), with
quotes (``quotes.py``), group differences (``differences.py``), charts and the map
(``charts.py``); ``views.py`` serves the owner's page, the search over answers, the exports and
the public report.
"""
