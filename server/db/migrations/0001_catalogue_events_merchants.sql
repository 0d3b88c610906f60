CREATE TYPE "public"."event_kind" AS ENUM('appliance', 'gas', 'home', 'digital', 'car');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'published', 'closed');--> statement-breakpoint
CREATE TYPE "public"."merchant_status" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'changes_requested', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."promotion_kind" AS ENUM('extra_discount', 'gift', 'free_installation', 'free_pickup', 'free_charger');--> statement-breakpoint
CREATE TYPE "public"."promotion_status" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'ended');--> statement-breakpoint
CREATE TYPE "public"."street" AS ENUM('jiangnan', 'waihai', 'lile');--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" "event_kind" NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"safe_use_years" integer,
	"safe_use_note" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_rules" (
	"event_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"rate_pct_by_grade" jsonb,
	"cap_fen" integer,
	"fixed_fen" integer,
	"per_person_limit" integer DEFAULT 1 NOT NULL,
	"price_ceiling_fen" integer,
	"requires_trade_in" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_rules_event_id_category_code_pk" PRIMARY KEY("event_id","category_code"),
	CONSTRAINT "event_rules_amounts_non_negative" CHECK (coalesce("event_rules"."cap_fen", 0) >= 0 AND coalesce("event_rules"."fixed_fen", 0) >= 0 AND coalesce("event_rules"."price_ceiling_fen", 0) >= 0),
	CONSTRAINT "event_rules_rate_or_fixed" CHECK ("event_rules"."rate_pct_by_grade" IS NOT NULL OR "event_rules"."fixed_fen" IS NOT NULL),
	CONSTRAINT "event_rules_per_person_limit_positive" CHECK ("event_rules"."per_person_limit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"kind" "event_kind" NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"budget_fen" bigint NOT NULL,
	"reserved_fen" bigint DEFAULT 0 NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_slug_unique" UNIQUE("slug"),
	CONSTRAINT "events_period_valid" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_budget_non_negative" CHECK ("events"."budget_fen" >= 0),
	CONSTRAINT "events_money_non_negative" CHECK ("events"."reserved_fen" >= 0 AND "events"."spent_fen" >= 0),
	CONSTRAINT "events_budget_not_exceeded" CHECK ("events"."reserved_fen" + "events"."spent_fen" <= "events"."budget_fen")
);
--> statement-breakpoint
CREATE TABLE "qualification_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"quota" integer NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "releases_window_valid" CHECK ("qualification_releases"."closes_at" > "qualification_releases"."opens_at"),
	CONSTRAINT "releases_claimed_within_quota" CHECK ("qualification_releases"."claimed" >= 0 AND "qualification_releases"."claimed" <= "qualification_releases"."quota")
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"name" text PRIMARY KEY NOT NULL,
	"latin_name" text
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand" text NOT NULL,
	"brand_alias" text,
	"model" text NOT NULL,
	"category_code" text NOT NULL,
	"energy_grade" integer,
	"water_grade" integer,
	"label_no" text,
	"filed_price_fen" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_key" text GENERATED ALWAYS AS (lower(regexp_replace(brand || '|' || coalesce(brand_alias, '') || '|' || model, '[-[:space:]/._()+*]', '', 'g'))) STORED,
	CONSTRAINT "products_grades_range" CHECK (("products"."energy_grade" IS NULL OR "products"."energy_grade" BETWEEN 1 AND 5) AND ("products"."water_grade" IS NULL OR "products"."water_grade" BETWEEN 1 AND 5)),
	CONSTRAINT "products_filed_price_positive" CHECK ("products"."filed_price_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_enrolments" (
	"event_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_enrolments_event_id_merchant_id_category_code_pk" PRIMARY KEY("event_id","merchant_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "merchant_categories" (
	"merchant_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	CONSTRAINT "merchant_categories_merchant_id_category_code_pk" PRIMARY KEY("merchant_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" text,
	"status" "merchant_status" DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"legal_rep" text NOT NULL,
	"contact_phone" text NOT NULL,
	"store_phone" text NOT NULL,
	"address" text NOT NULL,
	"street" "street" NOT NULL,
	"opening_hours" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"review_reason" text,
	"pending_profile" jsonb,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchants_position_valid" CHECK (("merchants"."lat" IS NULL) = ("merchants"."lng" IS NULL) AND ("merchants"."lat" IS NULL OR ("merchants"."lat" BETWEEN -90 AND 90 AND "merchants"."lng" BETWEEN -180 AND 180)))
);
--> statement-breakpoint
CREATE TABLE "promotion_categories" (
	"promotion_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	CONSTRAINT "promotion_categories_promotion_id_category_code_pk" PRIMARY KEY("promotion_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" "promotion_kind" NOT NULL,
	"status" "promotion_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"review_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_period_valid" CHECK ("promotions"."ends_at" > "promotions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "event_rules" ADD CONSTRAINT "event_rules_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rules" ADD CONSTRAINT "event_rules_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_releases" ADD CONSTRAINT "qualification_releases_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_releases" ADD CONSTRAINT "qualification_releases_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_enrolments" ADD CONSTRAINT "event_enrolments_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_categories" ADD CONSTRAINT "merchant_categories_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_categories" ADD CONSTRAINT "merchant_categories_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_categories" ADD CONSTRAINT "promotion_categories_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_categories" ADD CONSTRAINT "promotion_categories_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_status_period_idx" ON "events" USING btree ("status","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "releases_event_category_opens_idx" ON "qualification_releases" USING btree ("event_id","category_code","opens_at");--> statement-breakpoint
CREATE UNIQUE INDEX "products_brand_model_category_uq" ON "products" USING btree ("category_code","brand","model");--> statement-breakpoint
CREATE INDEX "products_category_price_idx" ON "products" USING btree ("category_code","filed_price_fen");--> statement-breakpoint
CREATE INDEX "products_brand_idx" ON "products" USING btree ("brand");--> statement-breakpoint
CREATE INDEX "products_search_key_trgm_idx" ON "products" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "event_enrolments_merchant_idx" ON "event_enrolments" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "merchant_categories_category_idx" ON "merchant_categories" USING btree ("category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_uscc_uq" ON "merchants" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "merchants_status_submitted_idx" ON "merchants" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "merchants_street_idx" ON "merchants" USING btree ("street");--> statement-breakpoint
CREATE INDEX "promotions_status_period_idx" ON "promotions" USING btree ("status","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "promotions_event_idx" ON "promotions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "promotions_merchant_idx" ON "promotions" USING btree ("merchant_id");