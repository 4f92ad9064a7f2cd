"""contention: contentious-event data from news articles, with exact evidence."""

__version__ = "0.1.0"
