-- Forgotten passwords: a single-use link by mail (ResettingPasswords). Only the SHA-256 of the link's token is
-- kept; the token itself is only in the mail. A reset ends every session of the account (V11's generation).
create table password_reset (
    token_hash    text         primary key,
    account_id    uuid         not null references account (id),
    requested_at  timestamptz  not null,
    expires_at    timestamptz  not null,
    used_at       timestamptz
);
create index password_reset_account on password_reset (account_id, requested_at desc);
