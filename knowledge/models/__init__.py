from .curation import CollectionIndexPage, CollectionItem, CollectionPage
from .experiments import (
    EvidenceKind,
    ExperimentLink,
    ExperimentPage,
    ExperimentStatus,
    ExperimentTag,
    Finding,
    LinkKind,
)
from .home import HomePage
from .listing_facts import ListedExperiment, ListingFact
from .media import PraksisImage, PraksisRendition
from .taxonomy import GradeLevel, Subject, SynonymGroup

__all__ = [
    "CollectionIndexPage",
    "CollectionItem",
    "CollectionPage",
    "EvidenceKind",
    "ExperimentLink",
    "ExperimentPage",
    "ExperimentStatus",
    "ExperimentTag",
    "Finding",
    "LinkKind",
    "HomePage",
    "ListedExperiment",
    "ListingFact",
    "PraksisImage",
    "PraksisRendition",
    "GradeLevel",
    "Subject",
    "SynonymGroup",
]
