from tests.support.english import english  # noqa: F401  (autouse: pages are read in English)
