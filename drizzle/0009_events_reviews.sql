CREATE TABLE "event_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text,
	"media_type" text,
	"content" "bytea",
	"size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "event_parts_kind_check" CHECK (kind in ('agenda_item', 'breakout_group'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"region_code" text,
	"organizers" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind_check" CHECK (kind in ('committee_session', 'workshop', 'conference', 'regional_workshop', 'webinar')),
	CONSTRAINT "events_dates_check" CHECK ("events"."ends_on" >= "events"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"part_id" uuid,
	"kind" text NOT NULL,
	"texts" jsonb NOT NULL,
	"produced_by" text DEFAULT '' NOT NULL,
	"technology_slugs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcomes_kind_check" CHECK (kind in ('insight', 'recommendation', 'decision'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_sources" (
	"recommendation_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_sources_recommendation_id_outcome_id_pk" PRIMARY KEY("recommendation_id","outcome_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_technologies" (
	"recommendation_id" uuid NOT NULL,
	"technology_id" uuid NOT NULL,
	CONSTRAINT "recommendation_technologies_recommendation_id_technology_id_pk" PRIMARY KEY("recommendation_id","technology_id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"texts" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"merged_into_id" uuid,
	"status_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_status_check" CHECK (status in ('proposed', 'endorsed', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"organization_id" uuid,
	"revision_id" bigint,
	"quote" text,
	"body" text NOT NULL,
	"disposition" text,
	"reason" text,
	"applied_revision_id" bigint,
	"disposed_by" uuid,
	"disposed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_comments_disposition_check" CHECK (disposition in ('accepted', 'partly_accepted', 'not_accepted', 'noted')),
	CONSTRAINT "review_comments_reply_check" CHECK ("review_comments"."parent_id" is null or "review_comments"."disposition" is null)
);
--> statement-breakpoint
CREATE TABLE "review_invitations" (
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "review_invitations_round_id_organization_id_pk" PRIMARY KEY("round_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"edition_id" uuid,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"visibility" text DEFAULT 'secretariat' NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"closed_with_open_comments" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rounds_status_check" CHECK (status in ('open', 'closed')),
	CONSTRAINT "review_rounds_visibility_check" CHECK (visibility in ('secretariat', 'open')),
	CONSTRAINT "review_rounds_dates_check" CHECK ("review_rounds"."closes_on" >= "review_rounds"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "topic_endorsements" (
	"proposal_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_endorsements_proposal_id_organization_id_pk" PRIMARY KEY("proposal_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "topic_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rationale" text NOT NULL,
	"technology_slugs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organization_id" uuid,
	"author_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"chapter_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_proposals_status_check" CHECK (status in ('open', 'accepted', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "event_documents" ADD CONSTRAINT "event_documents_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_parts" ADD CONSTRAINT "event_parts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_part_id_event_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."event_parts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sources" ADD CONSTRAINT "recommendation_sources_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sources" ADD CONSTRAINT "recommendation_sources_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sources" ADD CONSTRAINT "recommendation_sources_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_technologies" ADD CONSTRAINT "recommendation_technologies_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_technologies" ADD CONSTRAINT "recommendation_technologies_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_revision_id_section_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."section_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_applied_revision_id_section_revisions_id_fk" FOREIGN KEY ("applied_revision_id") REFERENCES "public"."section_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_disposed_by_users_id_fk" FOREIGN KEY ("disposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_endorsements" ADD CONSTRAINT "topic_endorsements_proposal_id_topic_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."topic_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_endorsements" ADD CONSTRAINT "topic_endorsements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_endorsements" ADD CONSTRAINT "topic_endorsements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_proposals" ADD CONSTRAINT "topic_proposals_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_proposals" ADD CONSTRAINT "topic_proposals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_proposals" ADD CONSTRAINT "topic_proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_proposals" ADD CONSTRAINT "topic_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_proposals" ADD CONSTRAINT "topic_proposals_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_documents_event_idx" ON "event_documents" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_parts_event_idx" ON "event_parts" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "events_report_slug_key" ON "events" USING btree ("report_id","slug");--> statement-breakpoint
CREATE INDEX "events_report_date_idx" ON "events" USING btree ("report_id","starts_on");--> statement-breakpoint
CREATE INDEX "outcomes_event_idx" ON "outcomes" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "recommendation_sources_outcome_idx" ON "recommendation_sources" USING btree ("outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_slug_key" ON "recommendations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "recommendations_report_idx" ON "recommendations" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "review_comments_round_idx" ON "review_comments" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE INDEX "review_comments_section_idx" ON "review_comments" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "review_rounds_report_idx" ON "review_rounds" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "topic_proposals_report_idx" ON "topic_proposals" USING btree ("report_id","created_at");