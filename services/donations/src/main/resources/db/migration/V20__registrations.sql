-- Events whose paid registrations may be turned into donations once cancelled.
create table ticketed_event (
    code              text         primary key,
    name              text         not null,
    currency          char(3)      not null,
    fund_code         text         not null,
    deadline          timestamptz  not null,
    default_answer    text         not null check (default_answer in ('REFUND', 'DONATE')),
    cancelled_at      timestamptz,
    last_reminded_at  timestamptz,
    created_at        timestamptz  not null default now()
);

-- One registrant of one event; only the SHA-256 of the offer token is kept.
create table registration (
    event_code         text         not null references ticketed_event (code),
    email              text         not null,
    name               text         not null,
    ticket_type        text         not null,
    paid_minor         bigint       not null check (paid_minor > 0),
    payment_intent_id  text,
    offer_token_hash   char(64)     unique,
    answer             text         check (answer in ('REFUND', 'DONATE_ALL', 'DONATE_PART')),
    donated_minor      bigint       check (donated_minor >= 0),
    refunded_minor     bigint       check (refunded_minor >= 0),
    answered_at        timestamptz,
    answered_by_default boolean     not null default false,
    refund_way         text         check (refund_way in ('ON_CARD', 'DUE_BY_BANK')),
    refund_reference   text,
    donation_id        uuid,
    primary key (event_code, email),
    check ((answer is null) = (answered_at is null)),
    check (answer is null or donated_minor + refunded_minor = paid_minor)
);
