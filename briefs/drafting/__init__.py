"""Drafting: the rules that turn an article's own sentences into lines a brief can carry (no model, no
paraphrase): where the story's lede is, what furniture to strip, which sentences stand alone, which
articles tell the same story."""
