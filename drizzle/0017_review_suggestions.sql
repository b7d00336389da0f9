CREATE TABLE "review_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"organization_id" uuid,
	"filename" text NOT NULL,
	"data" "bytea" NOT NULL,
	"preview" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "review_imports_status_check" CHECK (status in ('pending', 'confirmed'))
);
--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "suggestion" jsonb;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "origin" text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "word_author" text;--> statement-breakpoint
ALTER TABLE "review_comments" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "review_imports" ADD CONSTRAINT "review_imports_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_imports" ADD CONSTRAINT "review_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_imports" ADD CONSTRAINT "review_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_imports_round_idx" ON "review_imports" USING btree ("round_id","created_by","created_at");--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_import_id_review_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."review_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_origin_check" CHECK (origin in ('web', 'word'));--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_suggestion_check" CHECK ("review_comments"."parent_id" is null or "review_comments"."suggestion" is null);