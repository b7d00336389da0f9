CREATE TABLE "chapters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"technology_id" uuid,
	"titles" jsonb NOT NULL,
	"position" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chapters_kind_check" CHECK (kind in ('front_matter', 'topic', 'cross_cutting', 'recommendations', 'conclusion', 'annex'))
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"titles" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "section_heads" (
	"section_id" uuid NOT NULL,
	"language" text NOT NULL,
	"revision_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "section_heads_section_id_language_pk" PRIMARY KEY("section_id","language")
);
--> statement-breakpoint
CREATE TABLE "section_references" (
	"section_id" uuid NOT NULL,
	"language" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	CONSTRAINT "section_references_section_id_language_kind_ref_pk" PRIMARY KEY("section_id","language","kind","ref")
);
--> statement-breakpoint
CREATE TABLE "section_revisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "section_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"section_id" uuid NOT NULL,
	"language" text NOT NULL,
	"heading" text NOT NULL,
	"body" text NOT NULL,
	"base_revision_id" bigint,
	"source_revision_id" bigint,
	"summary" text,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chapter_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sections_status_check" CHECK (status in ('draft', 'ready'))
);
--> statement-breakpoint
CREATE TABLE "technologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"names" jsonb NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technologies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "technology_links" (
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "technology_links_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind"),
	CONSTRAINT "technology_links_kind_check" CHECK (kind in ('feeds', 'related', 'merged_into', 'split_from')),
	CONSTRAINT "technology_links_self_check" CHECK ("technology_links"."from_id" <> "technology_links"."to_id")
);
--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_heads" ADD CONSTRAINT "section_heads_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_heads" ADD CONSTRAINT "section_heads_revision_id_section_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."section_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_references" ADD CONSTRAINT "section_references_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD CONSTRAINT "section_revisions_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD CONSTRAINT "section_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_links" ADD CONSTRAINT "technology_links_from_id_technologies_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technology_links" ADD CONSTRAINT "technology_links_to_id_technologies_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."technologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chapters_report_slug_key" ON "chapters" USING btree ("report_id","slug");--> statement-breakpoint
CREATE INDEX "chapters_report_idx" ON "chapters" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "section_references_ref_idx" ON "section_references" USING btree ("kind","ref");--> statement-breakpoint
CREATE INDEX "section_revisions_section_idx" ON "section_revisions" USING btree ("section_id","language","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_chapter_slug_key" ON "sections" USING btree ("chapter_id","slug");--> statement-breakpoint
CREATE INDEX "sections_chapter_idx" ON "sections" USING btree ("chapter_id","position");