-- Who a donor is, as the gateway's token said at their last pledge: receipts are addressed to them.
create table donor_contact (
    donor_id    text         primary key,
    name        text         not null,
    email       text         not null,
    updated_at  timestamptz  not null default now()
);

-- Gap-free receipt numbers per calendar year: the row is locked by the transaction that issues a
-- receipt, so a rolled-back receipt gives its number back and two receipts never share one.
create table receipt_counter (
    year  int  primary key,
    last  int  not null
);

-- One receipt per paid gift; the PDF is stored once and always served as stored.
create table receipt (
    number        text         primary key,
    year          int          not null,
    sequence      int          not null,
    donation_id   uuid         not null unique references donation (id),
    donor_id      text         not null,
    donor_name    text         not null,
    amount_minor  bigint       not null check (amount_minor > 0),
    currency      char(3)      not null,
    fund_code     text         not null,
    received_at   timestamptz  not null,
    issued_at     timestamptz  not null,
    pdf           bytea        not null,
    pdf_sha256    text         not null,
    unique (year, sequence)
);
create index receipt_by_donor on receipt (donor_id, issued_at desc);
