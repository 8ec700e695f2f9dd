-- Each Stripe event is applied once: the first delivery inserts its id, redeliveries (Stripe retries,
-- concurrent duplicates) find it and change nothing. The raw body is kept as received.
create table stripe_event (
    event_id     text         primary key,
    type         text         not null,
    payload      text         not null,
    received_at  timestamptz  not null default now()
);
