create table donation (
    id               uuid         primary key,
    donor_id         text         not null,
    amount_minor     bigint       not null check (amount_minor > 0),
    currency         char(3)      not null,
    fund_code        text         not null,
    method           text         not null,
    status           text         not null,
    pledged_at       timestamptz  not null,
    idempotency_key  text,
    created_at       timestamptz  not null default now()
);
create unique index donation_idempotency on donation (donor_id, idempotency_key) where idempotency_key is not null;
create index donation_by_donor on donation (donor_id, pledged_at desc);

-- Copy of the funds service's items, kept from FundedItemPublished events.
create table funded_item (
    code          text    primary key,
    title         text    not null,
    kind          text    not null,
    target_minor  bigint  not null,
    currency      char(3) not null,
    status        text    not null,
    updated_at    timestamptz not null default now()
);
