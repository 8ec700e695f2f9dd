-- Mail outbox: an email is queued in the transaction that decided to send it and delivered by the
-- relay (org.endow.platform.mail.MailRelay) over SMTP, with retries. Sent rows stay as the record
-- of what a person was told and when.
create table mail_outbox (
    id               bigserial    primary key,
    recipient        text         not null,
    subject          text         not null,
    body             text         not null,
    created_at       timestamptz  not null default now(),
    next_attempt_at  timestamptz  not null default now(),
    attempts         int          not null default 0,
    last_error       text,
    sent_at          timestamptz,
    failed_at        timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;

create table mail_attachment (
    mail_id       bigint  not null references mail_outbox (id),
    position      int     not null,
    filename      text    not null,
    content_type  text    not null,
    content       bytea   not null,
    primary key (mail_id, position)
);
