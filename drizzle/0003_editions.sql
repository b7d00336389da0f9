CREATE TABLE "edition_items" (
	"edition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"version" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "edition_items_edition_id_kind_ref_pk" PRIMARY KEY("edition_id","kind","ref"),
	CONSTRAINT "edition_items_kind_check" CHECK (kind in ('chapter', 'section', 'case-study', 'figure', 'recommendation'))
);
--> statement-breakpoint
CREATE TABLE "edition_pages" (
	"edition_id" uuid NOT NULL,
	"language" text NOT NULL,
	"path" text NOT NULL,
	"html" text NOT NULL,
	"etag" text NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "edition_pages_edition_id_language_path_pk" PRIMARY KEY("edition_id","language","path")
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"label" text NOT NULL,
	"titles" jsonb NOT NULL,
	"edition_date" date NOT NULL,
	"foreword" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"withdrawn_reason" text,
	"content_hash" text,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editions_status_check" CHECK (status in ('draft', 'in_review', 'published', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "edition_items" ADD CONSTRAINT "edition_items_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_pages" ADD CONSTRAINT "edition_pages_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_pages_edition_idx" ON "edition_pages" USING btree ("edition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_report_label_key" ON "editions" USING btree ("report_id","label");