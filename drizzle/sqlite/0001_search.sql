-- Custom migration (drizzle-kit generate --custom): the device's offline search.
--
-- search_index is an FTS5 table with the trigram tokenizer: any 3+ character substring of a name, code, registration
-- number, e-mail or phone number finds the row, in Hangul as in Latin script (there is no Korean word stemming to rely
-- on). Trigrams cannot match 1-2 character queries such as 삼성 or 민준; the search code answers those with instr() on
-- the base tables (docs/schema-review.md, "Search").
--
-- What is indexed for each table is defined once, by the search_source_<table> views. Triggers on the base tables copy
-- a row's view line into the index on every insert, update and delete, for every writer (repositories, pulled pages,
-- outbox re-apply), so the index cannot drift; rebuildSearchIndex() (src/main/db/search-index.ts) refills it from
-- the search_source view in one set-based statement. Soft-deleted rows are not indexed.
--
-- A first sync can pause the triggers (a row in search_paused) and rebuild once at the end: per-row trigger upkeep
-- costs ~35 µs a row, a set-based rebuild ~4 µs (src/main/db/search-index.ts).
--
-- search_docs gives each indexed row a stable integer doc id (the FTS5 rowid). Without it, removing a row's entry
-- would need "DELETE ... WHERE entity_id = ?", a full scan of the FTS table on every update of every indexed row.
--
-- The trigger bodies use no ON CONFLICT clauses (they check NOT EXISTS instead): SQLite replaces a trigger statement's
-- conflict policy with the outer statement's, so an upsert or INSERT OR REPLACE on a base table would change them.
CREATE TABLE `search_docs` (
	`doc_id` integer PRIMARY KEY,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE TABLE `search_paused` (
	`since` text NOT NULL
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(entity_type UNINDEXED, entity_id UNINDEXED, text, tokenize='trigram');
--> statement-breakpoint
-- companies: name, code, registration numbers (사업자/법인등록번호 digits), representative with and without spaces.
CREATE VIEW `search_source_companies` AS
  SELECT 'companies' AS entity_type, id AS entity_id,
    coalesce(name, '') || ' ' ||
    coalesce(code, '') || ' ' ||
    coalesce(business_number, '') || ' ' ||
    coalesce(corporate_number, '') || ' ' ||
    coalesce(representative, '') || ' ' ||
    replace(coalesce(representative, ''), ' ', '') AS text
  FROM `companies` WHERE deleted_at IS NULL;
--> statement-breakpoint
-- contacts: family+given name without a space (홍길동), given+family with one (John Smith), e-mail, phone and mobile digits.
CREATE VIEW `search_source_contacts` AS
  SELECT 'contacts' AS entity_type, id AS entity_id,
    last_name || first_name || ' ' ||
    first_name || ' ' || last_name || ' ' ||
    coalesce(email, '') || ' ' ||
    replace(replace(coalesce(phone, ''), '-', ''), ' ', '') || ' ' ||
    replace(replace(coalesce(mobile, ''), '-', ''), ' ', '') AS text
  FROM `contacts` WHERE deleted_at IS NULL;
--> statement-breakpoint
-- leads: company name, contact name as typed and without spaces, code, e-mail, phone digits.
CREATE VIEW `search_source_leads` AS
  SELECT 'leads' AS entity_type, id AS entity_id,
    coalesce(company_name, '') || ' ' ||
    coalesce(contact_name, '') || ' ' ||
    replace(coalesce(contact_name, ''), ' ', '') || ' ' ||
    coalesce(code, '') || ' ' ||
    coalesce(email, '') || ' ' ||
    replace(replace(coalesce(phone, ''), '-', ''), ' ', '') AS text
  FROM `leads` WHERE deleted_at IS NULL;
--> statement-breakpoint
-- opportunities: title and code.
CREATE VIEW `search_source_opportunities` AS
  SELECT 'opportunities' AS entity_type, id AS entity_id,
    coalesce(title, '') || ' ' ||
    coalesce(code, '') AS text
  FROM `opportunities` WHERE deleted_at IS NULL;
--> statement-breakpoint
-- projects: name and code.
CREATE VIEW `search_source_projects` AS
  SELECT 'projects' AS entity_type, id AS entity_id,
    coalesce(name, '') || ' ' ||
    coalesce(code, '') AS text
  FROM `projects` WHERE deleted_at IS NULL;
--> statement-breakpoint
-- A REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `companies_search_insert` AFTER INSERT ON `companies`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_companies
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_companies s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_search_update` AFTER UPDATE OF name, code, business_number, corporate_number, representative, deleted_at ON `companies`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_companies
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_companies s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_search_delete` AFTER DELETE ON `companies`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- A REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_contacts
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_contacts s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF first_name, last_name, email, phone, mobile, deleted_at ON `contacts`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_contacts
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_contacts s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- A REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_leads
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_leads s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF code, company_name, contact_name, email, phone, deleted_at ON `leads`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_leads
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_leads s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- A REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `opportunities_search_insert` AFTER INSERT ON `opportunities`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_opportunities
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_opportunities s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_search_update` AFTER UPDATE OF code, title, deleted_at ON `opportunities`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_opportunities
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_opportunities s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_search_delete` AFTER DELETE ON `opportunities`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- A REPLACE that overwrites a row fires no delete trigger, so the insert trigger clears any old entry first.
CREATE TRIGGER `projects_search_insert` AFTER INSERT ON `projects`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_projects
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_projects s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_update` AFTER UPDATE OF code, name, deleted_at ON `projects`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  INSERT INTO search_docs (entity_type, entity_id)
    SELECT entity_type, entity_id FROM search_source_projects
    WHERE entity_id = new.id AND NOT EXISTS (SELECT 1 FROM search_docs WHERE entity_id = new.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, text)
    SELECT d.doc_id, s.entity_type, s.entity_id, s.text
    FROM search_source_projects s JOIN search_docs d ON d.entity_id = s.entity_id
    WHERE s.entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_search_delete` AFTER DELETE ON `projects`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT doc_id FROM search_docs WHERE entity_id = old.id);
  DELETE FROM search_docs WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Everything searchable, for rebuilding the index in one statement.
CREATE VIEW `search_source` AS
SELECT entity_type, entity_id, text FROM search_source_companies
  UNION ALL SELECT entity_type, entity_id, text FROM search_source_contacts
  UNION ALL SELECT entity_type, entity_id, text FROM search_source_leads
  UNION ALL SELECT entity_type, entity_id, text FROM search_source_opportunities
  UNION ALL SELECT entity_type, entity_id, text FROM search_source_projects;
--> statement-breakpoint
-- Rows that existed before this migration (none on a new device; kept so the migration is correct anywhere).
INSERT INTO search_docs (entity_type, entity_id) SELECT entity_type, entity_id FROM search_source;
--> statement-breakpoint
INSERT INTO search_index (rowid, entity_type, entity_id, text)
  SELECT d.doc_id, s.entity_type, s.entity_id, s.text FROM search_source s JOIN search_docs d ON d.entity_id = s.entity_id;
