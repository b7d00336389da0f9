ALTER TABLE "editions" ADD COLUMN "subtitles" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "forewords" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "date_styles" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "text_sources" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "acknowledgement" jsonb;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "scopes" text[] DEFAULT '{read,comment}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "editions" e SET "forewords" = jsonb_build_object(coalesce(r."languages"->>0, 'en'), e."foreword") FROM "reports" r WHERE r."id" = e."report_id" AND e."foreword" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" DROP COLUMN "foreword";
