create table account (
    id               uuid         primary key,
    email            text         not null unique check (email = lower(email)),
    display_name     text         not null,
    password_hash    text         not null,
    roles            text[]       not null default '{}',
    created_at       timestamptz  not null,
    failed_sign_ins  int          not null default 0,
    locked_until     timestamptz,
    last_sign_in_at  timestamptz
);
create index account_roles on account using gin (roles);

-- Every decision about accounts (sign-up, role changes, first admin), kept forever.
create table audit_log (
    id       bigserial    primary key,
    actor    text         not null,
    action   text         not null,
    target   text         not null,
    details  text         not null default '',
    at       timestamptz  not null
);
create index audit_log_at on audit_log (at desc);
