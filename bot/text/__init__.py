"""Language-specific text tools: language detection, sentences, words, stems, stop words."""

from bot.text.language import Language, detect_language, language_tools
from bot.text.sentences import split_sentences
from bot.text.words import words

__all__ = ["Language", "detect_language", "language_tools", "split_sentences", "words"]
