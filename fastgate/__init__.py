"""fastgate: an edge reverse proxy and OpenAI-compatible AI/LLM gateway."""

from ._version import __version__

__all__ = ["__version__"]
