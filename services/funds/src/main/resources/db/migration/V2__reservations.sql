-- Money set aside for approved grants (a commitment beside the ledger; paying a grant is a ledger entry).
create table reservation (
    grant_id      text         primary key,
    fund_code     text         not null references funded_item (code),
    amount_minor  bigint       not null check (amount_minor > 0),
    currency      char(3)      not null,
    status        text         not null check (status in ('RESERVED', 'RELEASED')),
    reserved_at   timestamptz  not null,
    released_at   timestamptz
);
create index reservation_active on reservation (fund_code, currency) where status = 'RESERVED';
