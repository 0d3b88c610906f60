-- Every one- and two-character substring of a text: lets a GIN index find words shorter than a trigram
-- in a model (35, gw, 联名), which pg_trgm cannot. Repeats are left in: GIN keeps each key once.
CREATE FUNCTION search_grams(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT string_to_array($1, NULL) || ARRAY(SELECT substr($1, i, 2) FROM generate_series(1, length($1) - 1) AS i)
$$;--> statement-breakpoint
CREATE TABLE "product_brand_aliases" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "product_brand_aliases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"brand" text NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "product_brand_aliases_brand_alias_pk" PRIMARY KEY("brand","alias")
);
--> statement-breakpoint
DROP INDEX "products_brand_idx";--> statement-breakpoint
DROP INDEX "products_search_key_trgm_idx";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "model_key" text GENERATED ALWAYS AS (lower(regexp_replace(model, '[-[:space:]/._()+*]', '', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "best_grade" integer GENERATED ALWAYS AS (least(energy_grade, water_grade)) STORED;--> statement-breakpoint
CREATE INDEX "products_model_key_trgm_idx" ON "products" USING gin ("model_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_model_key_grams_idx" ON "products" USING gin (search_grams("model_key"));--> statement-breakpoint
CREATE INDEX "products_brand_alias_idx" ON "products" USING btree ("brand",coalesce("brand_alias", '')) WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_brand_model_idx" ON "products" USING btree ("brand","model") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_brand_relevance_idx" ON "products" USING btree ("brand",length("search_key"),"best_grade","model") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_brand_price_idx" ON "products" USING btree ("brand","filed_price_fen") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_brand_grade_idx" ON "products" USING btree ("brand","best_grade","filed_price_fen") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_grade_brand_model_idx" ON "products" USING btree ("best_grade","brand","model") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_price_idx" ON "products" USING btree ("filed_price_fen") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_grade_price_idx" ON "products" USING btree ("best_grade","filed_price_fen") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_category_grade_brand_model_idx" ON "products" USING btree ("category_code","best_grade","brand","model") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "products_category_grade_price_idx" ON "products" USING btree ("category_code","best_grade","filed_price_fen") WHERE retired_at is null;--> statement-breakpoint
-- The pairs of product_brand_aliases, kept by the statement that writes products (an import's INSERT …
-- ON CONFLICT DO UPDATE fires both triggers), then filled from the products already there.
CREATE FUNCTION products_record_brand_aliases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_brand_aliases (brand, alias)
    SELECT DISTINCT brand, coalesce(brand_alias, '') FROM written_products
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER products_brand_aliases_after_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS written_products FOR EACH STATEMENT EXECUTE FUNCTION products_record_brand_aliases();--> statement-breakpoint
CREATE TRIGGER products_brand_aliases_after_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS written_products FOR EACH STATEMENT EXECUTE FUNCTION products_record_brand_aliases();--> statement-breakpoint
INSERT INTO product_brand_aliases (brand, alias)
  SELECT DISTINCT brand, coalesce(brand_alias, '') FROM products ON CONFLICT DO NOTHING;