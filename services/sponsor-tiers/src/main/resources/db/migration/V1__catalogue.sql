-- The sponsorship catalogue, per year: programs (who the money is for), packages (what a sponsor buys)
-- and benefits (what a package or an add-on gives), with capacity, conflicts and legal clauses.
create table program (
    code  text  primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name  text  not null
);

-- one row per year that has a catalogue; adding a year inserts it first, so a year is added once
create table catalogue_year (
    year        int          primary key check (year between 2000 and 2999),
    created_at  timestamptz  not null default now()
);

create table legal_clause (
    year   int   not null references catalogue_year (year),
    code   text  not null check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    title  text  not null,
    text   text  not null,
    primary key (year, code)
);

create table benefit (
    year                  int      not null,
    code                  text     not null check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    program_code          text     not null references program (code),
    name                  text     not null,
    description           text     not null default '',
    -- what the benefit is worth to the foundation: splits a fee between programs
    internal_value_minor  bigint   not null check (internal_value_minor >= 0),
    -- price when bought as an add-on or on its own
    price_minor           bigint   not null default 0 check (price_minor >= 0),
    currency              char(3)  not null,
    -- null: unlimited
    capacity              int      check (capacity >= 0),
    -- HARD: never sold beyond capacity; SOFT: staff are warned, sponsors are not refused
    capacity_kind         text     not null default 'HARD' check (capacity_kind in ('HARD', 'SOFT')),
    add_on                boolean  not null default false,
    standalone            boolean  not null default false,
    package_only          boolean  not null default false,
    primary key (year, code),
    check (not (package_only and (add_on or standalone)))
);

create table sponsor_package (
    year         int      not null,
    code         text     not null check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name         text     not null,
    price_minor  bigint   not null check (price_minor > 0),
    currency     char(3)  not null,
    position     int      not null,
    primary key (year, code)
);

create table package_benefit (
    year          int   not null,
    package_code  text  not null,
    benefit_code  text  not null,
    quantity      int   not null check (quantity > 0),
    primary key (year, package_code, benefit_code),
    foreign key (year, package_code) references sponsor_package (year, code),
    foreign key (year, benefit_code) references benefit (year, code)
);

-- kept in both directions (a conflicts with b, b conflicts with a)
create table benefit_conflict (
    year            int   not null,
    benefit_code    text  not null,
    conflicts_with  text  not null,
    primary key (year, benefit_code, conflicts_with),
    foreign key (year, benefit_code) references benefit (year, code),
    foreign key (year, conflicts_with) references benefit (year, code),
    check (benefit_code <> conflicts_with)
);

create table benefit_clause (
    year          int   not null,
    benefit_code  text  not null,
    clause_code   text  not null,
    primary key (year, benefit_code, clause_code),
    foreign key (year, benefit_code) references benefit (year, code),
    foreign key (year, clause_code) references legal_clause (year, code)
);

-- Units of a benefit held by sponsorships (written by applications); remaining capacity is
-- capacity minus the sum held, computed live.
create table benefit_allocation (
    year            int   not null,
    benefit_code    text  not null,
    sponsorship_id  uuid  not null,
    quantity        int   not null check (quantity > 0),
    primary key (year, benefit_code, sponsorship_id),
    foreign key (year, benefit_code) references benefit (year, code)
);

-- Every staff decision, kept forever.
create table audit_log (
    id       bigserial    primary key,
    actor    text         not null,
    action   text         not null,
    target   text         not null,
    details  text         not null default '',
    at       timestamptz  not null
);
create index audit_log_at on audit_log (at desc);
