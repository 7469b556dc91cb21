"""Text in, text out: decoding bytes, making text safe for a terminal, languages, and
segmentation into paragraphs and sentences with character offsets."""
