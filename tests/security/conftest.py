"""The red-team suite: the site as a whole, attacked from outside (leaks, hostile input, faults)."""

from tests.support.english import english  # noqa: F401  (autouse: pages are read in English)
