DROP INDEX "training_classes_session_id_class_number_key";--> statement-breakpoint
DROP INDEX "training_sessions_project_id_session_number_key";--> statement-breakpoint
CREATE INDEX "training_classes_session_id_class_number_idx" ON "training_classes" USING btree ("session_id","class_number");--> statement-breakpoint
CREATE INDEX "training_sessions_project_id_session_number_idx" ON "training_sessions" USING btree ("project_id","session_number");