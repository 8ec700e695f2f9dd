-- Reminders sent (overdue invoices weekly, one renewal offer), so that each goes out once.
create table sponsorship_reminder (
    sponsorship_id  uuid  not null references sponsorship (id),
    kind            text  not null check (kind in ('OVERDUE', 'RENEWAL')),
    period          text  not null,
    sent_at         timestamptz not null default now(),
    primary key (sponsorship_id, kind, period)
);
