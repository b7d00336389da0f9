CREATE TABLE "case_studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"stage" text,
	"year" integer,
	"language" text NOT NULL,
	"current_version_id" bigint,
	"submitted_version_id" bigint,
	"state_message" text,
	"retired_reason" text,
	"superseded_by_id" uuid,
	"search" "tsvector",
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_studies_state_check" CHECK (state in ('draft', 'submitted', 'in_review', 'changes_requested', 'accepted', 'published', 'retired')),
	CONSTRAINT "case_studies_stage_check" CHECK (stage in ('idea', 'proof_of_concept', 'pilot', 'production', 'discontinued')),
	CONSTRAINT "case_studies_retired_reason_check" CHECK (retired_reason in ('redundant', 'superseded', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "case_study_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_study_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_study_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"message" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_study_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_study_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"removed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_study_files_kind_check" CHECK (kind in ('original', 'attachment'))
);
--> statement-breakpoint
CREATE TABLE "case_study_technologies" (
	"case_study_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "case_study_technologies_case_study_id_technology_id_pk" PRIMARY KEY("case_study_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "case_study_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_study_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_study_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"href" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_annex" (
	"report_id" uuid NOT NULL,
	"case_study_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "report_annex_report_id_case_study_id_pk" PRIMARY KEY("report_id","case_study_id")
);
--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_events" ADD CONSTRAINT "case_study_events_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_events" ADD CONSTRAINT "case_study_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_files" ADD CONSTRAINT "case_study_files_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_files" ADD CONSTRAINT "case_study_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_technologies" ADD CONSTRAINT "case_study_technologies_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_technologies" ADD CONSTRAINT "case_study_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_versions" ADD CONSTRAINT "case_study_versions_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_versions" ADD CONSTRAINT "case_study_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_annex" ADD CONSTRAINT "report_annex_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_annex" ADD CONSTRAINT "report_annex_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_studies_slug_key" ON "case_studies" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "case_studies_state_idx" ON "case_studies" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "case_studies_organization_idx" ON "case_studies" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "case_studies_search_idx" ON "case_studies" USING gin ("search");--> statement-breakpoint
CREATE INDEX "case_studies_title_trgm_idx" ON "case_studies" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_study_events_case_study_idx" ON "case_study_events" USING btree ("case_study_id","id");--> statement-breakpoint
CREATE INDEX "case_study_files_case_study_idx" ON "case_study_files" USING btree ("case_study_id");--> statement-breakpoint
CREATE INDEX "case_study_technologies_technology_idx" ON "case_study_technologies" USING btree ("technology_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_study_versions_number_key" ON "case_study_versions" USING btree ("case_study_id","number");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");