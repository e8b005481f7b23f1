"""Articles for staff: the knowledge base's editorial commands (gaps, synonyms, pins)."""
