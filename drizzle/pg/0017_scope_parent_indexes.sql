CREATE INDEX "project_team_members_project_id_idx" ON "project_team_members" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "attendance_records_class_id_idx" ON "attendance_records" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "enrollments_class_id_idx" ON "enrollments" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "meeting_minutes_meeting_id_idx" ON "meeting_minutes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting_id_idx" ON "meeting_participants" USING btree ("meeting_id");