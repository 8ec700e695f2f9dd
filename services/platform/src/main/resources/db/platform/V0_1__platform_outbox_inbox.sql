-- Owned by the platform library and applied by every service's Flyway (location classpath:db/platform).
-- Versions 0.x are the platform's; a service's own migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox_message (
    id             bigserial    primary key,
    event_id       uuid         not null unique,
    topic          text         not null,
    message_key    text         not null,
    event_type     text         not null,
    event_version  int          not null,
    envelope       jsonb        not null,
    created_at     timestamptz  not null default now(),
    sent_at        timestamptz,
    attempts       int          not null default 0,
    last_error     text
);
-- The relay reads unsent rows in insertion order; this partial index keeps that cheap forever.
create index outbox_message_unsent on outbox_message (id) where sent_at is null;

-- Idempotent consumer: one row per (consumer, event). The unique key is what makes a redelivered
-- event a no-op: it is inserted in the same transaction as the handler's effect.
create table inbox_message (
    consumer       text         not null,
    event_id       uuid         not null,
    event_type     text         not null,
    topic          text         not null,
    kafka_partition int         not null,
    kafka_offset   bigint       not null,
    processed_at   timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- What a consumer gave up on after its retries; also sent to the topic's dead-letter topic.
create table dead_letter (
    id             bigserial    primary key,
    consumer       text         not null,
    topic          text         not null,
    kafka_partition int         not null,
    kafka_offset   bigint       not null,
    message_key    text,
    event_id       uuid,
    event_type     text,
    payload        text,
    error          text         not null,
    attempts       int          not null,
    created_at     timestamptz  not null default now()
);
