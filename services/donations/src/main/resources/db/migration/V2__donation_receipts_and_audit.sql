alter table donation add column received_at timestamptz;
alter table donation add column received_reference text;

-- Every staff decision on donations, kept forever.
create table audit_log (
    id       bigserial    primary key,
    actor    text         not null,
    action   text         not null,
    target   text         not null,
    details  text         not null default '',
    at       timestamptz  not null
);
create index audit_log_at on audit_log (at desc);
