-- Money Stripe took back on a payment that paid no gift (typically a cancelled event's ticket, refunded in Stripe's
-- dashboard or disputed by the ticket buyer): one row per Stripe event, for staff reconciling Stripe's payouts.
create table unmatched_stripe_event (
    stripe_event_id     text         primary key,
    event_type          text         not null,
    kind                text         not null check (kind in ('REFUND', 'DISPUTE')),
    payment_intent_id   text         not null,
    charge_id           text,
    dispute_id          text,
    -- a refund: all Stripe has refunded of the charge so far (amount_refunded); a dispute: the amount disputed
    amount_minor        bigint       not null check (amount_minor >= 0),
    -- a refund of a registration's payment: what of it Endow itself refunded on the card carrying out registrants'
    -- answers (the rest was refunded outside Endow); null for a dispute or a payment no registration names
    refunded_by_endow_minor bigint   check (refunded_by_endow_minor >= 0),
    currency            char(3)      not null,
    dispute_status      text         check (dispute_status in ('OPEN', 'WON', 'LOST')),
    dispute_reason      text,
    stripe_at           timestamptz  not null,
    recorded_at         timestamptz  not null,
    -- the imported registration(s) the payment intent paid, when known: the event and 'email' of each registrant
    ticketed_event_code text,
    registrants         text,
    explained_at        timestamptz,
    explained_by        text,
    explanation         text,
    check ((kind = 'DISPUTE') = (dispute_status is not null)),
    check ((explained_at is null) = (explained_by is null) and (explained_at is null) = (explanation is null))
);

create index unmatched_stripe_event_newest on unmatched_stripe_event (stripe_at desc, stripe_event_id);
