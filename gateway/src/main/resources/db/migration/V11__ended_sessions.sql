-- Sessions that end before their token expires (issue #8; ADR 0004). A token names its session (sid) and the
-- account's session generation it was issued in (gen). Signing out ends its own session (a row here, kept until
-- the token would have expired); a change of the account's roles ends every session of the account
-- (session_generation goes up, sessions_ended_at says when, so every gateway instance picks it up).
alter table account
    add column session_generation int not null default 0,
    add column sessions_ended_at  timestamptz;
create index account_sessions_ended_at on account (sessions_ended_at) where sessions_ended_at is not null;

create table ended_session (
    session_id  uuid         primary key,
    account_id  uuid         not null,
    ended_at    timestamptz  not null,
    expires_at  timestamptz  not null
);
create index ended_session_ended_at on ended_session (ended_at);
