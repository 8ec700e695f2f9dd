-- A dead letter staff sent back to its topic after fixing the cause (org.endow.platform.operations).
alter table dead_letter add column replayed_at timestamptz;
alter table dead_letter add column replayed_by text;
