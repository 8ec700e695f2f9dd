-- The grant policy: one row per category, its rules as a JSON document (see GrantCategory).
create table grant_category (
    code        text         primary key,
    policy      jsonb        not null,
    updated_at  timestamptz  not null default now()
);

-- The Grants Working Group's roster: who votes, who chairs.
create table wg_member (
    account_id  text     primary key,
    name        text     not null,
    email       text     not null,
    chair       boolean  not null default false
);

-- Proposals: the aggregate as a JSON document (with the copy of its policy), plus the columns queried.
create table proposal (
    id             text         primary key,
    applicant_id   text         not null,
    organisation   text,
    category_code  text         not null,
    event_series   text,
    start_year     int,
    state          text         not null,
    amount_minor   bigint       not null,
    currency       char(3)      not null,
    submitted_at   timestamptz,
    awarded_at     timestamptz,
    created_at     timestamptz  not null,
    document       jsonb        not null
);
create index proposal_by_applicant on proposal (applicant_id, created_at desc);
create index proposal_by_state on proposal (state);
create index proposal_by_organisation on proposal (lower(organisation), start_year);

-- Every decision on grants and their policy, kept forever.
create table audit_log (
    id       bigserial    primary key,
    actor    text         not null,
    action   text         not null,
    target   text         not null,
    details  text         not null default '',
    at       timestamptz  not null
);
create index audit_log_at on audit_log (at desc);
