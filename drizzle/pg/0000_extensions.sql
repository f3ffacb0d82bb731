-- Custom migration (drizzle-kit generate --custom): extensions the generated migrations after it depend on.
-- pg_trgm backs the trigram GIN indexes that replace the seed's to_tsvector('korean', ...) (PostgreSQL has no
-- "korean" text-search configuration). It must exist before the first index that names gin_trgm_ops.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
