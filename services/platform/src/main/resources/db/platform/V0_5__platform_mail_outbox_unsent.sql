-- The relay asks for unsent mail in id order. With only an index on next_attempt_at, PostgreSQL walked the
-- primary key from the first mail ever queued and filtered out every sent one: a round cost more with every mail
-- kept (28 ms per round after some 60,000 mails in the bench). This index holds only the unsent rows, in the
-- order the relay reads them, so a round costs the same however many sent mails are kept.
create index mail_outbox_unsent on mail_outbox (id) where sent_at is null and failed_at is null;
drop index mail_outbox_due;
