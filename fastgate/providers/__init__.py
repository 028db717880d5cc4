"""LLM provider adapters: OpenAI ⇄ Anthropic format translation, both ways, streams included."""

from .adapter import StreamTranslator, Translation, translation_for

__all__ = ["StreamTranslator", "Translation", "translation_for"]
