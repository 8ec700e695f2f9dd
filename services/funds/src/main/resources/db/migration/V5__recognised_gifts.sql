-- Gifts whose donors consented to public recognition, as they asked to be shown (a name they chose,
-- or "Anonymous"); the transparency page lists the latest. Nothing else about the donor is kept here.
create table recognised_gift (
    source_event_id  uuid         primary key,
    fund_code        text         not null,
    amount_minor     bigint       not null check (amount_minor > 0),
    currency         char(3)      not null,
    shown_as         text         not null,
    dedication       text,
    received_at      timestamptz  not null
);
create index recognised_gift_latest on recognised_gift (received_at desc);
