-- Custom migration (hand-written, as 0001_search.sql): an index for the search queries the FTS5 trigram index cannot
-- serve — 1–2 character queries (김, 민준, 테크) and initial-consonant (초성) queries (ㄱㅁㅈ, 홍ㄱ동) — which used to
-- scan the base tables (20–48 ms for 50k contacts, docs/benchmarks.md scenario 5).
--
-- search_grams holds, for every searchable row, one line per distinct
--   * 1- and 2-character piece of its searched text (name and the same extra columns the short route matches:
--     numbers, representative, contact name) made only of non-ASCII characters (Hangul, CJK, accented Latin). A short
--     query of such characters finds its rows with one index range. Queries holding ASCII (a digit, a Latin letter)
--     keep the instr() scan: every ASCII pair of every e-mail and phone number would multiply the table's size.
--   * 1- and 2-character piece of the name's 초성 key ('^' + initials: 김민준 → ^ㄱ ^ㅁ ^ㅈ ^ㄱㅁ ^ㅁㅈ), spaces removed
--     as matchesChoseong removes them. A 초성 query reads the rows of one such piece in result order and checks each
--     with crm_matches_choseong until it has enough. Names SQL cannot key exactly (conjoining jamo, which NFC would
--     compose, or whitespace other than the plain space) get the one piece '^*' and are always checked.
-- Each line carries the result order (names starting with the query first, then shorter names, then by name, then
-- by id), so the primary key answers "the first 20 hits" without sorting: LIMIT stops the range scan.
--
-- search_grams_source defines the lines; triggers keep them (search_paused pauses them like search_index, and
-- rebuildSearchIndex refills both). Like 0001, no ON CONFLICT in trigger bodies (DISTINCT instead).
--
-- search_positions is a numbers table (SQLite has no generate_series, and triggers cannot use WITH): texts longer
-- than its 2,000 positions are only indexed up to there (validation caps names at 255).
CREATE TABLE `search_positions` (
	`n` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
INSERT INTO search_positions (n)
  WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 2000) SELECT n FROM p;
--> statement-breakpoint
CREATE TABLE `search_grams` (
	`gram` text NOT NULL,
	`entity_type` text NOT NULL,
	-- 0 when the name starts with the gram (those hits come first), else 1; 0 for 초성 pieces.
	`later` integer NOT NULL,
	`name_length` integer NOT NULL,
	`name` text NOT NULL,
	`entity_id` text NOT NULL,
	PRIMARY KEY (`gram`, `entity_type`, `later`, `name_length`, `name`, `entity_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_grams_entity` ON `search_grams` (`entity_id`);
--> statement-breakpoint
-- Every searched text of every searchable row, with the row's name (what the short route matches and orders by).
CREATE VIEW `search_gram_fields` AS
  SELECT 'companies' AS entity_type, id AS entity_id, name AS name, name AS field FROM `companies` WHERE deleted_at IS NULL
  UNION ALL SELECT 'companies' AS entity_type, id AS entity_id, name AS name, business_number AS field FROM `companies` WHERE deleted_at IS NULL AND business_number IS NOT NULL
  UNION ALL SELECT 'companies' AS entity_type, id AS entity_id, name AS name, representative AS field FROM `companies` WHERE deleted_at IS NULL AND representative IS NOT NULL
  UNION ALL SELECT 'contacts' AS entity_type, id AS entity_id, last_name || first_name AS name, last_name || first_name AS field FROM `contacts` WHERE deleted_at IS NULL
  UNION ALL SELECT 'contacts' AS entity_type, id AS entity_id, last_name || first_name AS name, mobile AS field FROM `contacts` WHERE deleted_at IS NULL AND mobile IS NOT NULL
  UNION ALL SELECT 'contacts' AS entity_type, id AS entity_id, last_name || first_name AS name, phone AS field FROM `contacts` WHERE deleted_at IS NULL AND phone IS NOT NULL
  UNION ALL SELECT 'contacts' AS entity_type, id AS entity_id, last_name || first_name AS name, email AS field FROM `contacts` WHERE deleted_at IS NULL AND email IS NOT NULL
  UNION ALL SELECT 'leads' AS entity_type, id AS entity_id, company_name AS name, company_name AS field FROM `leads` WHERE deleted_at IS NULL
  UNION ALL SELECT 'leads' AS entity_type, id AS entity_id, company_name AS name, contact_name AS field FROM `leads` WHERE deleted_at IS NULL AND contact_name IS NOT NULL
  UNION ALL SELECT 'opportunities' AS entity_type, id AS entity_id, title AS name, title AS field FROM `opportunities` WHERE deleted_at IS NULL
  UNION ALL SELECT 'opportunities' AS entity_type, id AS entity_id, title AS name, code AS field FROM `opportunities` WHERE deleted_at IS NULL AND code IS NOT NULL
  UNION ALL SELECT 'projects' AS entity_type, id AS entity_id, name AS name, name AS field FROM `projects` WHERE deleted_at IS NULL
  UNION ALL SELECT 'projects' AS entity_type, id AS entity_id, name AS name, code AS field FROM `projects` WHERE deleted_at IS NULL AND code IS NOT NULL;
--> statement-breakpoint
CREATE VIEW `search_gram_names` AS
  SELECT 'companies' AS entity_type, id AS entity_id, name AS name FROM `companies` WHERE deleted_at IS NULL
  UNION ALL SELECT 'contacts' AS entity_type, id AS entity_id, last_name || first_name AS name FROM `contacts` WHERE deleted_at IS NULL
  UNION ALL SELECT 'leads' AS entity_type, id AS entity_id, company_name AS name FROM `leads` WHERE deleted_at IS NULL
  UNION ALL SELECT 'opportunities' AS entity_type, id AS entity_id, title AS name FROM `opportunities` WHERE deleted_at IS NULL
  UNION ALL SELECT 'projects' AS entity_type, id AS entity_id, name AS name FROM `projects` WHERE deleted_at IS NULL;
--> statement-breakpoint
-- The lines of search_grams (not yet DISTINCT: a piece may occur in several texts of a row). Only texts holding a
-- non-ASCII character are cut into pieces, and only names holding Hangul into 초성 pieces: most e-mails, numbers and
-- codes cost one GLOB.
CREATE VIEW `search_grams_source` AS
  SELECT f.entity_type, f.entity_id, substr(f.field, p.n, 1) AS gram,
    CASE WHEN substr(f.name, 1, 1) = substr(f.field, p.n, 1) THEN 0 ELSE 1 END AS later,
    length(f.name) AS name_length, f.name AS name
  FROM search_gram_fields f JOIN search_positions p ON p.n <= length(f.field)
  WHERE f.field GLOB ('*[^' || char(1) || '-' || char(127) || ']*') AND unicode(substr(f.field, p.n, 1)) >= 128
  UNION ALL
  SELECT f.entity_type, f.entity_id, substr(f.field, p.n, 2) AS gram,
    CASE WHEN substr(f.name, 1, 2) = substr(f.field, p.n, 2) THEN 0 ELSE 1 END AS later,
    length(f.name) AS name_length, f.name AS name
  FROM search_gram_fields f JOIN search_positions p ON p.n < length(f.field)
  WHERE f.field GLOB ('*[^' || char(1) || '-' || char(127) || ']*') AND unicode(substr(f.field, p.n, 1)) >= 128 AND unicode(substr(f.field, p.n + 1, 1)) >= 128
  UNION ALL
  -- 초성 pieces. The GLOB class: whitespace other than ' ' as JavaScript's \s knows it, and conjoining jamo (U+1100–11FF).
  SELECT k.entity_type, k.entity_id, '^' || (CASE WHEN unicode(substr(k.key, p.n, 1)) BETWEEN 44032 AND 55203 THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (unicode(substr(k.key, p.n, 1)) - 44032) / 588 + 1, 1) WHEN unicode(substr(k.key, p.n, 1)) BETWEEN 12593 AND 12622 THEN substr(k.key, p.n, 1) END) || CASE WHEN w.w = 2 THEN CASE WHEN unicode(substr(k.key, p.n + 1, 1)) BETWEEN 44032 AND 55203 THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (unicode(substr(k.key, p.n + 1, 1)) - 44032) / 588 + 1, 1) WHEN unicode(substr(k.key, p.n + 1, 1)) BETWEEN 12593 AND 12622 THEN substr(k.key, p.n + 1, 1) END ELSE '' END AS gram,
    0 AS later, length(k.name) AS name_length, k.name AS name
  FROM (SELECT entity_type, entity_id, name, replace(name, ' ', '') AS key FROM search_gram_names
        WHERE name GLOB '*[가-힣ㄱ-ㅎ]*' AND NOT name GLOB ('*[' || char(9, 10, 11, 12, 13, 160, 5760, 8192) || '-' || char(8202, 8232, 8233, 8239, 8287, 12288, 65279, 4352) || '-' || char(4607) || ']*')) k
  JOIN search_positions p ON p.n <= length(k.key)
  JOIN (SELECT 1 AS w UNION ALL SELECT 2) w ON p.n + w.w - 1 <= length(k.key)
  WHERE (CASE WHEN unicode(substr(k.key, p.n, 1)) BETWEEN 44032 AND 55203 THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (unicode(substr(k.key, p.n, 1)) - 44032) / 588 + 1, 1) WHEN unicode(substr(k.key, p.n, 1)) BETWEEN 12593 AND 12622 THEN substr(k.key, p.n, 1) END) IS NOT NULL AND (w.w = 1 OR (CASE WHEN unicode(substr(k.key, p.n + 1, 1)) BETWEEN 44032 AND 55203 THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (unicode(substr(k.key, p.n + 1, 1)) - 44032) / 588 + 1, 1) WHEN unicode(substr(k.key, p.n + 1, 1)) BETWEEN 12593 AND 12622 THEN substr(k.key, p.n + 1, 1) END) IS NOT NULL)
  UNION ALL
  SELECT entity_type, entity_id, '^*' AS gram, 0 AS later, length(name) AS name_length, name
  FROM search_gram_names WHERE name GLOB ('*[' || char(9, 10, 11, 12, 13, 160, 5760, 8192) || '-' || char(8202, 8232, 8233, 8239, 8287, 12288, 65279, 4352) || '-' || char(4607) || ']*');
--> statement-breakpoint
CREATE TRIGGER `companies_grams_insert` AFTER INSERT ON `companies`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = new.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'companies' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_grams_update` AFTER UPDATE OF name, business_number, representative, deleted_at ON `companies`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'companies' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_grams_delete` AFTER DELETE ON `companies`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_grams_insert` AFTER INSERT ON `contacts`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = new.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'contacts' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_grams_update` AFTER UPDATE OF first_name, last_name, email, phone, mobile, deleted_at ON `contacts`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'contacts' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_grams_delete` AFTER DELETE ON `contacts`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_grams_insert` AFTER INSERT ON `leads`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = new.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'leads' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_grams_update` AFTER UPDATE OF company_name, contact_name, deleted_at ON `leads`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'leads' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_grams_delete` AFTER DELETE ON `leads`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_grams_insert` AFTER INSERT ON `opportunities`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = new.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'opportunities' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_grams_update` AFTER UPDATE OF title, code, deleted_at ON `opportunities`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'opportunities' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `opportunities_grams_delete` AFTER DELETE ON `opportunities`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_grams_insert` AFTER INSERT ON `projects`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = new.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'projects' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_grams_update` AFTER UPDATE OF name, code, deleted_at ON `projects`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
  INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
    SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source
    WHERE entity_type = 'projects' AND entity_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_grams_delete` AFTER DELETE ON `projects`
  WHEN NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  DELETE FROM search_grams WHERE entity_id = old.id;
END;
--> statement-breakpoint
-- Rows that existed before this migration.
INSERT INTO search_grams (gram, entity_type, later, name_length, name, entity_id)
  SELECT DISTINCT gram, entity_type, later, name_length, name, entity_id FROM search_grams_source;
