-- Per-project completion rule (수료 기준): null = the company default (80). Range 0–100 is checked by the form, the
-- repository and the server's CHECK constraint.
ALTER TABLE `projects` ADD `completion_percent` integer;
