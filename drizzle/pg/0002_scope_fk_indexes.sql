DROP INDEX "branches_company_id_idx";--> statement-breakpoint
DROP INDEX "contacts_branch_id_idx";--> statement-breakpoint
DROP INDEX "contracts_company_id_idx";--> statement-breakpoint
DROP INDEX "leads_assigned_to_idx";--> statement-breakpoint
DROP INDEX "opportunities_company_id_idx";--> statement-breakpoint
DROP INDEX "projects_company_id_idx";--> statement-breakpoint
DROP INDEX "meeting_action_items_assignee_id_idx";--> statement-breakpoint
DROP INDEX "activities_entity_idx";--> statement-breakpoint
CREATE INDEX "branches_company_id_idx" ON "branches" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "contacts_branch_id_idx" ON "contacts" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "contracts_company_id_idx" ON "contracts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "leads_assigned_to_idx" ON "leads" USING btree ("assigned_to");--> statement-breakpoint
CREATE INDEX "opportunities_company_id_idx" ON "opportunities" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "projects_company_id_idx" ON "projects" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "meeting_action_items_assignee_id_idx" ON "meeting_action_items" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "activities_entity_idx" ON "activities" USING btree ("entity_type","entity_id");