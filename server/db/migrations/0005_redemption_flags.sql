ALTER TABLE "redemptions" ADD COLUMN "flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "redemptions_flagged_idx" ON "redemptions" USING btree ("created_at") WHERE cardinality("redemptions"."flags") > 0;--> statement-breakpoint
-- Redemptions made before flags were stored: the price flag was worked out on reading; keep it.
UPDATE "redemptions" r SET "flags" = ARRAY['PRICE_NEAR_FILED']::text[]
FROM "products" p WHERE p."id" = r."product_id" AND r."price_fen"::bigint * 100 >= p."filed_price_fen"::bigint * 98;
