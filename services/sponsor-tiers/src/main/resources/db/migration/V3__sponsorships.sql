-- Sponsorships: applications, review, the contract signed by both sides, the invoice and its payment.
create table sponsorship (
    id                    uuid         primary key,
    owner_account         text         not null,
    organisation_name     text         not null,
    description           text         not null default '',
    website               text         not null default '',
    billing_address       text         not null,
    year                  int          not null,
    package_code          text         not null,
    add_ons               text[]       not null default '{}',
    fee_minor             bigint       not null check (fee_minor > 0),
    currency              char(3)      not null,
    status                text         not null check (status in
                              ('APPLIED', 'EDITING', 'REJECTED', 'APPROVED', 'CONTRACT_SENT', 'SIGNED', 'EXECUTED', 'PAID')),
    start_date            date,
    end_date              date,
    decision_note         text,
    revision              int          not null default 0,
    sponsor_signed_name   text,
    sponsor_signed_title  text,
    sponsor_signed_at     timestamptz,
    sponsor_signed_sha256 text,
    foundation_signed_name   text,
    foundation_signed_title  text,
    foundation_signed_at     timestamptz,
    foundation_signed_sha256 text,
    invoice_number        text         unique,
    invoice_due           date,
    paid_at               timestamptz,
    payment_reference     text,
    applied_at            timestamptz  not null,
    updated_at            timestamptz  not null default now(),
    foreign key (year, package_code) references sponsor_package (year, code)
);
-- one open application per organisation (its name, case-insensitive)
create unique index sponsorship_one_open_per_organisation on sponsorship (lower(organisation_name))
  where status in ('APPLIED', 'EDITING', 'APPROVED', 'CONTRACT_SENT', 'SIGNED');
create index sponsorship_by_owner on sponsorship (owner_account, applied_at desc);
create index sponsorship_by_status on sponsorship (status, applied_at desc);

create table sponsorship_contact (
    sponsorship_id  uuid  not null references sponsorship (id) on delete cascade,
    position        int   not null,
    name            text  not null,
    email           text  not null,
    role            text  not null check (role in ('PRIMARY', 'ADMINISTRATIVE', 'ACCOUNTING', 'MANAGER')),
    primary key (sponsorship_id, position)
);

-- every version of every contract and invoice, as issued
create table sponsorship_document (
    sponsorship_id  uuid         not null references sponsorship (id),
    revision        int          not null,
    kind            text         not null check (kind in ('DRAFT', 'SIGNED', 'EXECUTED', 'INVOICE')),
    pdf             bytea        not null,
    sha256          text         not null,
    created_at      timestamptz  not null default now(),
    primary key (sponsorship_id, revision, kind)
);

create table invoice_counter (
    year  int  primary key,
    last  int  not null
);
