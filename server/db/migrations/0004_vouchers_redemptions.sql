CREATE TYPE "public"."redemption_status" AS ENUM('completed', 'voided', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."voucher_status" AS ENUM('active', 'redeemed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"voucher_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"product_id" uuid NOT NULL,
	"status" "redemption_status" DEFAULT 'completed' NOT NULL,
	"price_fen" integer NOT NULL,
	"subsidy_fen" integer NOT NULL,
	"payable_fen" integer NOT NULL,
	"serial_no" text NOT NULL,
	"serial_key" text NOT NULL,
	"invoice_no" text NOT NULL,
	"old_item" jsonb,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"reversed_at" timestamp with time zone,
	"reversed_by_user_id" text,
	"reversal_reason" text,
	CONSTRAINT "redemptions_amounts_valid" CHECK ("redemptions"."price_fen" >= 0 AND "redemptions"."subsidy_fen" >= 0 AND "redemptions"."subsidy_fen" <= "redemptions"."price_fen" AND "redemptions"."payable_fen" = "redemptions"."price_fen" - "redemptions"."subsidy_fen")
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"event_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"release_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"identity_hash" text NOT NULL,
	"slot" integer NOT NULL,
	"status" "voucher_status" DEFAULT 'active' NOT NULL,
	"cap_fen" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "vouchers_code_unique" UNIQUE("code"),
	CONSTRAINT "vouchers_slot_positive" CHECK ("vouchers"."slot" >= 1),
	CONSTRAINT "vouchers_cap_non_negative" CHECK ("vouchers"."cap_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_reversed_by_user_id_users_id_fk" FOREIGN KEY ("reversed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_release_id_qualification_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."qualification_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_serial_uq" ON "redemptions" USING btree ("category_code","serial_key") WHERE "redemptions"."status" <> 'voided';--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_invoice_uq" ON "redemptions" USING btree ("merchant_id","invoice_no") WHERE "redemptions"."status" <> 'voided';--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_voucher_uq" ON "redemptions" USING btree ("voucher_id") WHERE "redemptions"."status" <> 'voided';--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_idempotency_uq" ON "redemptions" USING btree ("merchant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "redemptions_merchant_created_idx" ON "redemptions" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "redemptions_event_category_idx" ON "redemptions" USING btree ("event_id","category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_person_slot_uq" ON "vouchers" USING btree ("event_id","category_code","identity_hash","slot") WHERE "vouchers"."status" in ('active', 'redeemed');--> statement-breakpoint
CREATE INDEX "vouchers_user_idx" ON "vouchers" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "vouchers_person_event_idx" ON "vouchers" USING btree ("identity_hash","event_id");--> statement-breakpoint
CREATE INDEX "vouchers_active_expiry_idx" ON "vouchers" USING btree ("expires_at") WHERE "vouchers"."status" = 'active';