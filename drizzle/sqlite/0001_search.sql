-- Custom migration (drizzle-kit generate --custom): the device's offline search.
--
-- search_index is an FTS5 table with the trigram tokenizer: any 3+ character substring of a name, code, registration
-- number, e-mail or phone number finds the row, in Hangul as in Latin script (PostgreSQL-style word stemming does not
-- exist for Korean). Trigrams cannot match 1-2 character queries such as 삼성 or 민준; the search code answers those
-- with instr() on the base tables (docs/schema-review.md, "Search").
--
-- Triggers on the base tables keep it current for every writer (repositories, pulled pages, outbox re-apply), so it
-- can never drift from the rows. Soft-deleted rows are removed from the index.
--
-- search_docs gives each indexed row a stable integer doc id (FTS5 rowid). Without it, removing a row's entry would
-- need "DELETE ... WHERE entity_id = ?", a full scan of the FTS table on every update of every indexed row.
--
-- The trigger bodies use no ON CONFLICT clauses (they check NOT EXISTS instead): SQLite replaces a trigger statement's
-- conflict policy with the outer statement's, so an upsert or INSERT OR REPLACE on a base table would change them.
CREATE TABLE `search_docs` (
	`doc_id` integer PRIMARY KEY,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(entity_type UNINDEXED, entity_id UNINDEXED, text, tokenize='trigram');
--> statement-breakpoint
-- companies: a REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `companies_search_insert` AFTER INSERT ON `companies` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'companies', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'companies', new.id,
      coalesce(new.name, '') || ' ' ||
      coalesce(new.code, '') || ' ' ||
      coalesce(new.business_number, '') || ' ' ||
      coalesce(new.corporate_number, '') || ' ' ||
      coalesce(new.representative, '') || ' ' ||
      replace(coalesce(new.representative, ''), ' ', '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_search_update` AFTER UPDATE OF name, code, business_number, corporate_number, representative, deleted_at ON `companies` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'companies', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'companies', new.id,
      coalesce(new.name, '') || ' ' ||
      coalesce(new.code, '') || ' ' ||
      coalesce(new.business_number, '') || ' ' ||
      coalesce(new.corporate_number, '') || ' ' ||
      coalesce(new.representative, '') || ' ' ||
      replace(coalesce(new.representative, ''), ' ', '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_search_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Rows that existed before this migration (none on a new device; kept so the migration is correct anywhere).
INSERT INTO search_docs (entity_type, entity_id) SELECT 'companies', id FROM `companies` WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, entity_type, entity_id, text)
  SELECT d.doc_id, 'companies', r.id,
    coalesce(r.name, '') || ' ' ||
    coalesce(r.code, '') || ' ' ||
    coalesce(r.business_number, '') || ' ' ||
    coalesce(r.corporate_number, '') || ' ' ||
    coalesce(r.representative, '') || ' ' ||
    replace(coalesce(r.representative, ''), ' ', '')
  FROM `companies` r JOIN search_docs d ON d.entity_id = r.id;
--> statement-breakpoint
-- contacts: a REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'contacts', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'contacts', new.id,
      new.last_name || new.first_name || ' ' ||
      new.first_name || ' ' || new.last_name || ' ' ||
      coalesce(new.email, '') || ' ' ||
      replace(replace(coalesce(new.phone, ''), '-', ''), ' ', '') || ' ' ||
      replace(replace(coalesce(new.mobile, ''), '-', ''), ' ', '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF first_name, last_name, email, phone, mobile, deleted_at ON `contacts` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'contacts', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'contacts', new.id,
      new.last_name || new.first_name || ' ' ||
      new.first_name || ' ' || new.last_name || ' ' ||
      coalesce(new.email, '') || ' ' ||
      replace(replace(coalesce(new.phone, ''), '-', ''), ' ', '') || ' ' ||
      replace(replace(coalesce(new.mobile, ''), '-', ''), ' ', '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Rows that existed before this migration (none on a new device; kept so the migration is correct anywhere).
INSERT INTO search_docs (entity_type, entity_id) SELECT 'contacts', id FROM `contacts` WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, entity_type, entity_id, text)
  SELECT d.doc_id, 'contacts', r.id,
    r.last_name || r.first_name || ' ' ||
    r.first_name || ' ' || r.last_name || ' ' ||
    coalesce(r.email, '') || ' ' ||
    replace(replace(coalesce(r.phone, ''), '-', ''), ' ', '') || ' ' ||
    replace(replace(coalesce(r.mobile, ''), '-', ''), ' ', '')
  FROM `contacts` r JOIN search_docs d ON d.entity_id = r.id;
--> statement-breakpoint
-- leads: a REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'leads', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'leads', new.id,
      coalesce(new.company_name, '') || ' ' ||
      coalesce(new.contact_name, '') || ' ' ||
      replace(coalesce(new.contact_name, ''), ' ', '') || ' ' ||
      coalesce(new.code, '') || ' ' ||
      coalesce(new.email, '') || ' ' ||
      replace(replace(coalesce(new.phone, ''), '-', ''), ' ', '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF code, company_name, contact_name, email, phone, deleted_at ON `leads` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'leads', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'leads', new.id,
      coalesce(new.company_name, '') || ' ' ||
      coalesce(new.contact_name, '') || ' ' ||
      replace(coalesce(new.contact_name, ''), ' ', '') || ' ' ||
      coalesce(new.code, '') || ' ' ||
      coalesce(new.email, '') || ' ' ||
      replace(replace(coalesce(new.phone, ''), '-', ''), ' ', '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Rows that existed before this migration (none on a new device; kept so the migration is correct anywhere).
INSERT INTO search_docs (entity_type, entity_id) SELECT 'leads', id FROM `leads` WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, entity_type, entity_id, text)
  SELECT d.doc_id, 'leads', r.id,
    coalesce(r.company_name, '') || ' ' ||
    coalesce(r.contact_name, '') || ' ' ||
    replace(coalesce(r.contact_name, ''), ' ', '') || ' ' ||
    coalesce(r.code, '') || ' ' ||
    coalesce(r.email, '') || ' ' ||
    replace(replace(coalesce(r.phone, ''), '-', ''), ' ', '')
  FROM `leads` r JOIN search_docs d ON d.entity_id = r.id;
--> statement-breakpoint
-- opportunities: a REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `opportunities_search_insert` AFTER INSERT ON `opportunities` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'opportunities', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'opportunities', new.id,
      coalesce(new.title, '') || ' ' ||
      coalesce(new.code, '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_search_update` AFTER UPDATE OF code, title, deleted_at ON `opportunities` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'opportunities', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'opportunities', new.id,
      coalesce(new.title, '') || ' ' ||
      coalesce(new.code, '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_search_delete` AFTER DELETE ON `opportunities` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Rows that existed before this migration (none on a new device; kept so the migration is correct anywhere).
INSERT INTO search_docs (entity_type, entity_id) SELECT 'opportunities', id FROM `opportunities` WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, entity_type, entity_id, text)
  SELECT d.doc_id, 'opportunities', r.id,
    coalesce(r.title, '') || ' ' ||
    coalesce(r.code, '')
  FROM `opportunities` r JOIN search_docs d ON d.entity_id = r.id;
--> statement-breakpoint
-- projects: a REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `projects_search_insert` AFTER INSERT ON `projects` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'projects', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'projects', new.id,
      coalesce(new.name, '') || ' ' ||
      coalesce(new.code, '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_update` AFTER UPDATE OF code, name, deleted_at ON `projects` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id) SELECT 'projects', new.id
    WHERE new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT doc_id, 'projects', new.id,
      coalesce(new.name, '') || ' ' ||
      coalesce(new.code, '')
    FROM search_docs WHERE entity_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_delete` AFTER DELETE ON `projects` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Rows that existed before this migration (none on a new device; kept so the migration is correct anywhere).
INSERT INTO search_docs (entity_type, entity_id) SELECT 'projects', id FROM `projects` WHERE deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO search_index (rowid, entity_type, entity_id, text)
  SELECT d.doc_id, 'projects', r.id,
    coalesce(r.name, '') || ' ' ||
    coalesce(r.code, '')
  FROM `projects` r JOIN search_docs d ON d.entity_id = r.id;
