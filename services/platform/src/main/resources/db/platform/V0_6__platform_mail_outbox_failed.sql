-- The mails the relay gave up on are counted by the mail health indicator and listed for staff
-- (org.endow.platform.mail.FailedMails): this index holds only them, so that costs the same however many
-- mails are kept.
create index mail_outbox_failed on mail_outbox (id) where failed_at is not null and sent_at is null;
