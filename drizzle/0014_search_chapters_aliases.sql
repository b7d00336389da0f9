ALTER TABLE "technologies" ADD COLUMN "aliases" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "kind" text DEFAULT 'section' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "item_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "report_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "chapter_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "terms" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_kind_check" CHECK (kind in ('chapter', 'section'));--> statement-breakpoint
-- Entries written before chapters were indexed lack them and their trail: forget them all, and
-- start-up indexes every published edition again (indexMissingEditions).
DELETE FROM "search_entries";
