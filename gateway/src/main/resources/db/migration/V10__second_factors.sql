-- TOTP authenticators (MFA). The secret is sealed with AES-GCM by the gateway (JdbcSecondFactors);
-- last_used_step makes every code single-use.
create table second_factor (
    account_id      uuid         primary key references account (id),
    sealed_secret   bytea        not null,
    enabled_at      timestamptz,
    last_used_step  bigint       not null default -1
);
