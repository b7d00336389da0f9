-- Full-text search that ignores accents ("donnees" finds "données") while ts_headline still
-- highlights the original words: one configuration per language, unaccent before stemming.
CREATE TEXT SEARCH CONFIGURATION lr_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION lr_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION lr_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION lr_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION lr_spanish (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION lr_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
