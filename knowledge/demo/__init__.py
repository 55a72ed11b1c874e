"""The demo network: Danish municipalities, schools, teams and experiments for trying the site.

vocabulary.py holds the hand-written Danish building blocks, pictures.py draws the pictures,
builder.py puts a network together (also used by bench/pages.py).
"""
