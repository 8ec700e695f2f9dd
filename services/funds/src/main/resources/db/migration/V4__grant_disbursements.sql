-- Grants are paid milestone by milestone (GrantDisbursed): each payment turns that much of the
-- reservation into money disbursed; a reservation paid in full is DISBURSED.
alter table reservation add column disbursed_minor bigint not null default 0 check (disbursed_minor >= 0);
alter table reservation add check (disbursed_minor <= amount_minor);
alter table reservation drop constraint reservation_status_check;
alter table reservation add constraint reservation_status_check check (status in ('RESERVED', 'RELEASED', 'DISBURSED'));
