-- Every staff decision on the funds (transfers, in-kind contributions), kept forever.
create table audit_log (
    id       bigserial    primary key,
    actor    text         not null,
    action   text         not null,
    target   text         not null,
    details  text         not null default '',
    at       timestamptz  not null
);
create index audit_log_at on audit_log (at desc);
